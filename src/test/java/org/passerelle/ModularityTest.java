package org.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.database.DatabaseProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries: each module uses only the public API of the modules its {@code
 * package-info.java} allows ({@code allowedDependencies}, the table in {@code docs/architecture.md}),
 * and no cycle. Writes the module documentation to {@code target/spring-modulith-docs}.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(PasserelleApplication.class);

    @Test
    void modulesOnlyUseTheModulesTheyAllowAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }

    @Test
    void migratesEveryModuleWithMigrationsAfterTheModulesItDependsOn() {
        List<String> order = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("passerelle.database", DatabaseProperties.class)
                .moduleSchemas();
        assertThat(order).containsExactlyInAnyOrderElementsOf(migrationFolders());
        for (ApplicationModule module : modules) {
            if (!order.contains(module.getName())) {
                continue;
            }
            module.getAllDependencies(modules)
                    .uniqueModules()
                    .map(ApplicationModule::getName)
                    .filter(order::contains)
                    .forEach(dependency -> assertThat(order.indexOf(dependency))
                            .as("%s migrated before %s", dependency, module.getName())
                            .isLessThan(order.indexOf(module.getName())));
        }
    }

    /** The modules with migrations: the folders under {@code db/migration}. */
    private static List<String> migrationFolders() {
        try {
            Resource[] migrations =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql");
            return Arrays.stream(migrations)
                    .map(migration -> {
                        try {
                            String[] path = migration.getURI().toString().split("/");
                            return path[path.length - 2];
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
