package org.cxrstudio.core.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {
    @Test
    void nearestRankIsAlwaysAMeasuredValue() {
        double[] v = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertThat(Percentiles.of(v, 50)).isEqualTo(5);
        assertThat(Percentiles.median(v)).isEqualTo(5);
        assertThat(Percentiles.of(v, 90)).isEqualTo(9);
        assertThat(Percentiles.of(v, 0)).isEqualTo(1);
        assertThat(Percentiles.of(v, 100)).isEqualTo(10);
        assertThat(Percentiles.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Percentiles.of(new double[] {3}, 90)).isEqualTo(3);
        assertThat(v[0]).isEqualTo(5); // not sorted in place
    }

    @Test
    void refusesNoValuesAndBadPercentages() {
        assertThatThrownBy(() -> Percentiles.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
