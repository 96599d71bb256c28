package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.passerelle.stock.StockViews.Consumption;

/** The reorder arithmetic: average monthly consumption, months of stock, suggested order. */
class ConsumptionTest {

    private final Consumptions consumptions = new Consumptions(null, null, Clock.systemUTC(), 3, 3, 1);

    @Test
    void ordersWhatBringsThePlaceToItsTargetMonthsOnceTheOrderArrives() {
        Consumption low = consumptions.consumption("paracetamol-500-tab", 50, 300);

        assertThat(low.monthlyConsumption()).isEqualTo(100.0);
        assertThat(low.monthsOfStock()).isEqualTo(0.5);
        assertThat(low.suggestedOrder()).isEqualTo(350);
    }

    @Test
    void anItemNobodyUsesHasNoMonthsOfStockAndNothingToOrder() {
        Consumption unused = consumptions.consumption("tent", 4, 0);

        assertThat(unused.monthsOfStock()).isNull();
        assertThat(unused.suggestedOrder()).isZero();
    }
}
