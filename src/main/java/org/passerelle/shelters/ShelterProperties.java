package org.passerelle.shelters;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shelters' night, in the teams' time zone.
 *
 * @param noShowReleaseAt when a nightly guest not marked present or absent loses tonight's bed
 * @param nightEndsAt until when, in the morning, "tonight" is still the night that began the day before
 */
@ConfigurationProperties("passerelle.shelters")
record ShelterProperties(
        @DefaultValue("22:00") LocalTime noShowReleaseAt,
        @DefaultValue("09:00") LocalTime nightEndsAt) {}
