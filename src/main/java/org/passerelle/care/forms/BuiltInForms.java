package org.passerelle.care.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.passerelle.platform.FieldFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Installs the forms that come with Passerelle ({@code care/forms/*.json}) at start-up: a form
 * not yet in the database is published as version 1; a form whose file changed gets a new version,
 * published unless a coordinator has published a version of their own (then it waits, retired,
 * for them to choose). An unsound file stops the start-up with its faults.
 */
@Component
class BuiltInForms implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltInForms.class);

    static final String LOCATION = "classpath*:care/forms/*.json";

    private final FormRepository repository;
    private final FormJson json;
    private final TransactionTemplate transaction;

    BuiltInForms(FormRepository repository, FormJson json, TransactionTemplate transaction) {
        this.repository = repository;
        this.json = json;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<FormDefinition> forms = read();
        transaction.executeWithoutResult(status -> forms.forEach(this::install));
    }

    /** The built-in definitions, each checked. */
    List<FormDefinition> read() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            return java.util.Arrays.stream(files)
                    .map(file -> {
                        FormDefinition form = readOne(file);
                        List<FieldFaults.Fault> faults = FormChecker.faults(form);
                        if (!faults.isEmpty()) {
                            throw new IllegalStateException(
                                    "Built-in form " + file.getFilename() + " is not sound: " + faults);
                        }
                        return form;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FormDefinition readOne(Resource file) {
        try {
            return json.read(file.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void install(FormDefinition form) {
        var shipped = repository.latestBuiltIn(form.code());
        if (shipped.isPresent() && shipped.get().definition().equals(form)) {
            return;
        }
        int version = repository.latestVersion(form.code()) + 1;
        boolean ownPublished = repository
                .published(form.code())
                .filter(published -> !published.builtIn())
                .isPresent();
        if (ownPublished) {
            repository.insert(form, version, FormStatus.RETIRED, true, null);
            log.info(
                    "Form {} version {} installed, not published: a coordinator's version is in use",
                    form.code(),
                    version);
        } else {
            repository.insert(form, version, FormStatus.DRAFT, true, null);
            repository.publish(form.code(), version);
            log.info("Form {} version {} installed and published", form.code(), version);
        }
    }
}
