package org.passerelle.water;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The acceptable range of a reading, outside which a water point is in alert: by default free
 * residual chlorine between 0.2 and 2 mg/L and turbidity at most 5 NTU.
 *
 * @param chlorineMin the least free residual chlorine, in mg/L
 * @param chlorineMax the most free residual chlorine, in mg/L
 * @param turbidityMax the most turbidity, in NTU
 */
@ConfigurationProperties("passerelle.water")
record WaterProperties(
        @DefaultValue("0.2") BigDecimal chlorineMin,
        @DefaultValue("2.0") BigDecimal chlorineMax,
        @DefaultValue("5") BigDecimal turbidityMax) {

    /** Whether a reading's measures are all within the range; an absent measure is not judged. */
    boolean inRange(
            @org.jspecify.annotations.Nullable BigDecimal chlorine,
            @org.jspecify.annotations.Nullable BigDecimal turbidity) {
        boolean chlorineOk =
                chlorine == null || (chlorine.compareTo(chlorineMin) >= 0 && chlorine.compareTo(chlorineMax) <= 0);
        boolean turbidityOk = turbidity == null || turbidity.compareTo(turbidityMax) <= 0;
        return chlorineOk && turbidityOk;
    }
}
