package org.cxrstudio.core.training.loss;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AalsTest {

    /**
     * Hand-computed with a0 = 2.5, t = 0.4 (logit(0.4) = -0.405465):
     * y=0.6: a = 2.5-1.5*0.6 = 1.6; 1.6*0.405465 + (-0.6)(-0.405465) = 0.892023 -> S = 0.709308
     * y=0.2: a = 2.2; 2.2*(-1.386294) + (-1.2)(-0.405465) = -2.563289 -> S = 0.071539; target = 0.2
     * y=0.4: S = t = 0.4 for any a
     * y=0.9: a = 1.15; 1.15*2.197225 + (-0.15)(-0.405465) = 2.587628 -> S = 0.930061
     */
    @ParameterizedTest
    @CsvSource({"0.6, 0.709308, 0.709308", "0.2, 0.071539, 0.2", "0.4, 0.4, 0.4", "0.9, 0.930061, 0.930061"})
    void matchesHandComputedValues(double y, double sharpened, double target) {
        assertThat(Aals.DEFAULT.sharpen(y, y)).isCloseTo(sharpened, within(1e-5));
        assertThat(Aals.DEFAULT.target(y)).isCloseTo(target, within(1e-5));
    }

    @Test
    void noSharpeningWhenMostConfidentClassIsCertain() {
        // y_max = 1 -> a = 1 -> S(y) = y
        assertThat(Aals.DEFAULT.sharpen(0.3, 1.0)).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void targetNeverBelowTeacherProbability() {
        for (double y = 0.01; y < 1; y += 0.01) {
            assertThat(Aals.DEFAULT.target(y)).isGreaterThanOrEqualTo(y);
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new Aals(0.5, 0.4)).hasMessageContaining("a0");
        assertThatThrownBy(() -> new Aals(2, 1)).hasMessageContaining("t must");
    }
}
