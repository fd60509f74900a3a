package org.cxrstudio.core.inference;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlattFitTest {
    @Test
    void recoversAKnownMiscalibration() {
        // labels drawn with P(TB) = sigmoid(0.5 * logit(p) - 1): an overconfident score; the fit must find a, b
        Random rnd = new Random(7);
        int n = 20_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = rnd.nextGaussian() * 4;
            p[i] = ScoreCalibration.sigmoid(z);
            y[i] = rnd.nextDouble() < ScoreCalibration.sigmoid(0.5 * z - 1);
        }
        ScoreCalibration c = PlattFit.fit(p, y, "synthetic", "2026-12-02");
        assertThat(c.a()).isCloseTo(0.5, within(0.03));
        assertThat(c.b()).isCloseTo(-1.0, within(0.06));
        assertThat(c.n()).isEqualTo(n);
    }

    @Test
    void staysFiniteOnSeparableScoresAndIsMonotone() {
        double[] p = {0.01, 0.02, 0.2, 0.99, 0.999, 1.0};
        boolean[] y = {false, false, false, true, true, true};
        ScoreCalibration c = PlattFit.fit(p, y, "", "");
        assertThat(c.a()).isPositive().isLessThan(100);
        assertThat(c.apply(1.0)).isLessThan(1.0); // smoothed targets: never a bare 1.00
        assertThat(c.apply(0.3)).isLessThan(c.apply(0.4));
        assertThat(c.invert(c.apply(0.37))).isCloseTo(0.37, within(1e-9));
    }

    @Test
    void refusesOneClassAndAScoreThatRanksBackwards() {
        assertThatThrownBy(() -> PlattFit.fit(new double[] {0.1, 0.9}, new boolean[] {true, true}, "", ""))
                .hasMessageContaining("TB and non-TB");
        assertThatThrownBy(() -> PlattFit.fit(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {true, true, false, false}, "", ""))
                .hasMessageContaining("does not rank TB above non-TB");
    }

    @Test
    void cardRoundTripKeepsTheCalibration() throws Exception {
        ModelCard card = new ModelCard("m", "1", "a", "student", TestModels.brightness(64), java.util.List.of("tb"), 0.5,
                "probability", "cam", java.util.Map.of(), java.util.Map.of(), "");
        ScoreCalibration c = new ScoreCalibration(ScoreCalibration.PLATT, 0.7, -0.2, 300, 120, "val", "2026-12-02");
        ModelCard back = ModelCard.fromJson(card.withCalibration(c).toJson());
        assertThat(back.calibration()).isEqualTo(c);
        assertThat(back.displayProbability(0.5)).isCloseTo(ScoreCalibration.sigmoid(-0.2), within(1e-12));
        assertThat(ModelCard.fromJson(card.toJson()).calibration()).isNull();
    }
}
