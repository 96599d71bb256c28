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
 * @param years over how many years persons were registered; with more than one, each is followed
 *     for a year at most
 * @param sites how many sites the organisation has: the standard eight, or up to thirty
 * @param freeText whether consultations have notes and diagnoses in free text, sealed per person;
 *     off, large sets load much faster
 * @param groupSessions whether sites hold anonymous group sessions
 */
@ConfigurationProperties("passerelle.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("400") long persons,
        @DefaultValue("10") int consultationsPerPerson,
        @DefaultValue("2026") long seed,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("1") int years,
        @DefaultValue("8") int sites,
        @DefaultValue("true") boolean freeText,
        @DefaultValue("false") boolean groupSessions) {

    DemoGenerator.Scale scale() {
        return new DemoGenerator.Scale(Math.max(1, years), freeText, groupSessions);
    }
}
