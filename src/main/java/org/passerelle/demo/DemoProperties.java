package org.passerelle.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@link DemoData} loads at start-up.
 *
 * @param enabled load demo data when the database has no programme yet ({@code PASSERELLE_DEMO=true})
 * @param persons how many persons to invent
 * @param consultationsPerPerson the average number of consultations of a person, 1 to 20
 * @param seed the seed: the same seed on the same day gives the same data
 * @param batchSize persons written per transaction
 */
@ConfigurationProperties("passerelle.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("400") long persons,
        @DefaultValue("10") int consultationsPerPerson,
        @DefaultValue("2026") long seed,
        @DefaultValue("5000") int batchSize) {}
