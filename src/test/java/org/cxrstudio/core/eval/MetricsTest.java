package org.cxrstudio.core.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    private static final boolean T = true;
    private static final boolean F = false;

    static Stream<Arguments> aucCases() {
        return Stream.of(
                // classic: pos {0.35, 0.8} vs neg {0.1, 0.4}: 3 of 4 pairs ordered
                Arguments.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T}, 0.75),
                // ties count 1/2: pos {0.5, 0.9} vs neg {0.2, 0.5}: 1 + 0.5 + 1 + 1 = 3.5 of 4
                Arguments.of(new double[] {0.2, 0.5, 0.5, 0.9}, new boolean[] {F, T, F, T}, 0.875),
                // all tied
                Arguments.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {T, F, T, F}, 0.5),
                // perfectly inverted
                Arguments.of(new double[] {0.9, 0.8, 0.1}, new boolean[] {F, F, T}, 0.0),
                // three-way tie block in the middle: pos {1, 2, 2} vs neg {2, 3}: (0+0) + (0.5+0) + (0.5+0) = 1 of 6
                Arguments.of(new double[] {1, 2, 2, 2, 3}, new boolean[] {T, T, T, F, F}, 1.0 / 6));
    }

    @ParameterizedTest
    @MethodSource("aucCases")
    void aucMatchesHandCount(double[] scores, boolean[] labels, double expected) {
        assertThat(Metrics.auc(scores, labels)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aucOfOneClassIsAClearError() {
        assertThatThrownBy(() -> Metrics.auc(new double[] {0.1, 0.2, 0.3}, new boolean[] {T, T, T}))
                .isInstanceOf(OneClassException.class)
                .hasMessageContaining("all 3 samples are positive");
        assertThatThrownBy(() -> Metrics.auc(new double[] {0.1}, new boolean[] {F}))
                .isInstanceOf(OneClassException.class).hasMessageContaining("negative");
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> Metrics.auc(new double[] {0.1, Double.NaN}, new boolean[] {T, F}))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> Metrics.at(new double[] {0.1}, new boolean[] {T, F}, 0.5))
                .hasMessageContaining("1 scores but 2 labels");
    }

    @Test
    void operatingPointCountsScoresAtTheThresholdAsPositive() {
        OperatingPoint p = Metrics.at(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T}, 0.35);
        assertThat(p).isEqualTo(new OperatingPoint(0.35, 2, 1, 1, 0));
        assertThat(p.sensitivity()).isEqualTo(1.0);
        assertThat(p.specificity()).isEqualTo(0.5);
        assertThat(Metrics.at(new double[] {0.3}, new boolean[] {F}, 0.5).sensitivity()).isNaN();
    }

    @Test
    void thresholdForNinetyPercentSensitivity() {
        // 10 positives at 0.1..1.0: 90 % needs 9 of them, so the threshold is the 9th highest, 0.2
        double[] scores = new double[14];
        boolean[] labels = new boolean[14];
        for (int i = 0; i < 10; i++) {
            scores[i] = (i + 1) / 10.0;
            labels[i] = true;
        }
        double[] negatives = {0.15, 0.2, 0.3, 0.05};
        System.arraycopy(negatives, 0, scores, 10, 4);
        OperatingPoint p = Metrics.forSensitivity(scores, labels, 0.9);
        assertThat(p.threshold()).isEqualTo(0.2);
        assertThat(p.sensitivity()).isEqualTo(0.9);
        assertThat(p.specificity()).isEqualTo(0.5); // the tied negative 0.2 and 0.3 are false positives
        assertThat(Metrics.forSensitivity(scores, labels, 1.0).threshold()).isEqualTo(0.1);
        assertThatThrownBy(() -> Metrics.forSensitivity(new double[] {0.2}, new boolean[] {F}, 0.9))
                .isInstanceOf(OneClassException.class);
    }
}
