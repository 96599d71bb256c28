package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every error code a module declares, as a constant of its {@code *Problems} class or of {@link
 * DomainException}, has a message {@code problem.<code>} in English, French and Arabic: a new code
 * without one fails the build instead of reaching users as a bare status phrase.
 */
class ProblemCodesHaveMessagesTest {

    @Test
    void findsTheProblemsClassOfEveryModuleThatReportsItsOwnFailures() {
        assertThat(problemClasses())
                .extracting(Class::getSimpleName)
                .contains(
                        "DomainException",
                        "AccessProblems",
                        "CareProblems",
                        "CodingProblems",
                        "FormProblems",
                        "PeopleProblems",
                        "ReportingProblems",
                        "SiteProblems");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties", "messages_ar.properties"})
    void everyDeclaredCodeHasAMessage(String file) {
        Properties messages = load(file);
        List<String> missing = new ArrayList<>();
        for (String code : declaredCodes()) {
            if (messages.getProperty("problem." + code, "").isBlank()) {
                missing.add("problem." + code);
            }
        }
        assertThat(missing).as("keys missing from %s", file).isEmpty();
    }

    private static TreeSet<String> declaredCodes() {
        TreeSet<String> codes = new TreeSet<>();
        for (Class<?> type : problemClasses()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    codes.add(valueOf(field));
                }
            }
        }
        assertThat(codes).contains("not-found", "role-not-allowed", "form-not-for-discipline");
        return codes;
    }

    private static List<Class<?>> problemClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Problems")));
        List<Class<?>> classes = new ArrayList<>(List.of(DomainException.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.passerelle")) {
            classes.add(ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), ProblemCodesHaveMessagesTest.class.getClassLoader()));
        }
        return classes;
    }

    private static String valueOf(Field field) {
        try {
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (InputStream in = ProblemCodesHaveMessagesTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
