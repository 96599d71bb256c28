package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void generatesVersion7IdsInTimeOrder() throws InterruptedException {
        UUID first = Ids.newId();
        Thread.sleep(2);
        UUID second = Ids.newId();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.toString()).isLessThan(second.toString());
        assertThat(first.getMostSignificantBits() >>> 16)
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
    }

    @Test
    void comparesLikeTheDatabaseWhereSignedComparisonDisagrees() {
        UUID low = UUID.fromString("10000000-0000-4000-8000-000000000000");
        UUID high = UUID.fromString("f0000000-0000-4000-8000-000000000000");

        assertThat(high.compareTo(low))
                .as("UUID.compareTo compares signed halves")
                .isNegative();
        assertThat(Ids.compareAsDatabase(high, low)).isPositive();
        assertThat(Ids.compareAsDatabase(low, high)).isNegative();
        assertThat(Ids.compareAsDatabase(low, UUID.fromString(low.toString()))).isZero();
    }

    @Test
    void comparesTheLowHalvesUnsignedToo() {
        UUID a = UUID.fromString("10000000-0000-4000-0000-000000000001");
        UUID b = UUID.fromString("10000000-0000-4000-8000-000000000000");

        assertThat(Ids.compareAsDatabase(a, b)).isNegative();
    }
}
