package org.passerelle.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/** Serves the web client, picks the user's language from the request and reads only plain text. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The languages of the user interface; French first, as teams speak it. */
    static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("ar"));

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(LANGUAGES);
        resolver.setDefaultLocale(Locale.FRENCH);
        return resolver;
    }

    /** Refuses, in every JSON body, strings with control characters or unpaired surrogates. */
    @Bean
    JacksonModule plainTextModule() {
        return new SimpleModule("plain-text").addDeserializer(String.class, new PlainTextDeserializer());
    }

    /** The client routes its own screens: every screen path serves the single page. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String screen : ClientScreens.PATHS) {
            registry.addViewController(screen).setViewName("forward:/index.html");
        }
    }
}
