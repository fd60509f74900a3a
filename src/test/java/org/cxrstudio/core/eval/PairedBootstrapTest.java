package org.cxrstudio.core.eval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedBootstrapTest {

    @Test
    void weightedAucEqualsTheMannWhitneyCountOverRepeatedImages() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rnd.nextInt(30);
            boolean[] pos = new boolean[n];
            double[] s = new double[n];
            int[] w = new int[n];
            pos[0] = true; // both classes present
            for (int i = 1; i < n; i++) {
                pos[i] = rnd.nextBoolean();
            }
            for (int i = 0; i < n; i++) {
                s[i] = rnd.nextInt(6) / 5.0; // many ties
                w[i] = rnd.nextInt(3);
            }
            w[0] = 1;
            w[1] = 1;
            pos[1] = false;
            double wins = 0;
            double pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (pos[i] && !pos[j]) {
                        double k = (double) w[i] * w[j];
                        pairs += k;
                        wins += s[i] > s[j] ? k : s[i] == s[j] ? k / 2 : 0;
                    }
                }
            }
            int[] order = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted((x, y) -> Double.compare(s[x], s[y])).mapToInt(Integer::intValue).toArray();
            assertThat(PairedBootstrap.weightedAuc(s, order, pos, w)).isCloseTo(wins / pairs, within(1e-12));
        }
    }

    @Test
    void unitWeightsGiveTheSameAucAsMetrics() {
        boolean[] pos = {true, false, true, false, true, false, false};
        double[] a = {0.9, 0.1, 0.4, 0.4, 0.8, 0.5, 0.2};
        double[] b = {0.3, 0.6, 0.7, 0.2, 0.5, 0.5, 0.9};
        PairedBootstrap.Result r = PairedBootstrap.aucDifference(pos, a, b, 500, 1);
        assertThat(r.aucA()).isEqualTo(Metrics.auc(a, pos));
        assertThat(r.aucB()).isEqualTo(Metrics.auc(b, pos));
        assertThat(r.difference()).isEqualTo(r.aucA() - r.aucB());
        assertThat(r.n()).isEqualTo(7);
        assertThat(r.positives()).isEqualTo(3);
    }

    @Test
    void identicalModelsDifferByExactlyZeroInEveryResample() {
        boolean[] pos = {true, false, true, false};
        double[] a = {0.9, 0.2, 0.3, 0.4};
        PairedBootstrap.Result r = PairedBootstrap.aucDifference(pos, a, a.clone(), 200, 5);
        assertThat(r.difference()).isZero();
        assertThat(r.low()).isZero();
        assertThat(r.high()).isZero();
        assertThat(r.shareABetter()).isEqualTo(0.5);
    }

    @Test
    void aClearlyBetterModelOnManyImagesHasAnIntervalAboveZero_andFewImagesDoNot() {
        Random rnd = new Random(11);
        for (int n : new int[] {400, 12}) {
            boolean[] pos = new boolean[n];
            double[] good = new double[n];
            double[] noise = new double[n];
            for (int i = 0; i < n; i++) {
                pos[i] = i % 2 == 0;
                good[i] = (pos[i] ? 1.0 : 0.0) + rnd.nextGaussian() * 0.7; // AUC ~0.84
                noise[i] = rnd.nextGaussian(); // AUC ~0.5
            }
            PairedBootstrap.Result r = PairedBootstrap.aucDifference(pos, good, noise, 2000, 7);
            assertThat(r.low()).isLessThanOrEqualTo(r.difference());
            assertThat(r.high()).isGreaterThanOrEqualTo(r.difference());
            if (n == 400) {
                assertThat(r.low()).isPositive();
                assertThat(r.shareABetter()).isGreaterThan(0.99);
            } else {
                assertThat(r.high() - r.low()).as("a 12-image interval is wide").isGreaterThan(0.3);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        Random rnd = new Random(2);
        boolean[] pos = new boolean[60];
        double[] a = new double[60];
        double[] b = new double[60];
        for (int i = 0; i < 60; i++) {
            pos[i] = i % 3 == 0;
            a[i] = rnd.nextDouble();
            b[i] = rnd.nextDouble();
        }
        assertThat(PairedBootstrap.aucDifference(pos, a, b, 300, 9)).isEqualTo(PairedBootstrap.aucDifference(pos, a, b, 300, 9));
    }

    @Test
    void meanDifferenceOfAConstantGapIsThatGapInEveryResample_andNoisyGapsGiveAnIntervalAroundTheMean() {
        PairedBootstrap.MeanResult c = PairedBootstrap.meanDifference(new double[] {0.5, 0.25, 1}, new double[] {0.25, 0, 0.75}, 200, 1);
        assertThat(c.difference()).isCloseTo(0.25, within(1e-12));
        assertThat(c.low()).isEqualTo(0.25);
        assertThat(c.high()).isEqualTo(0.25);
        assertThat(c.shareABetter()).isEqualTo(1.0);
        Random rnd = new Random(4);
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < 200; i++) {
            a[i] = rnd.nextDouble();
            b[i] = rnd.nextDouble();
        }
        PairedBootstrap.MeanResult r = PairedBootstrap.meanDifference(a, b, 2000, 3);
        assertThat(r.low()).isLessThan(r.difference());
        assertThat(r.high()).isGreaterThan(r.difference());
        // the standard error of a mean of 200 differences of two U(0,1) is sqrt(1/6/200) = 0.029: interval ~ ±0.057
        assertThat(r.high() - r.low()).isBetween(0.08, 0.15);
        assertThatThrownBy(() -> PairedBootstrap.meanDifference(new double[0], new double[0], 200, 1))
                .hasMessageContaining("non-zero");
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> PairedBootstrap.aucDifference(new boolean[] {true, true}, new double[] {1, 2},
                new double[] {1, 2}, 200, 1)).isInstanceOf(OneClassException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> PairedBootstrap.aucDifference(new boolean[] {true, false}, new double[] {1},
                new double[] {1, 2}, 200, 1)).hasMessageContaining("2 labels but 1 and 2 scores");
        assertThatThrownBy(() -> PairedBootstrap.aucDifference(new boolean[] {true, false}, new double[] {1, Double.NaN},
                new double[] {1, 2}, 200, 1)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> PairedBootstrap.aucDifference(new boolean[] {true, false}, new double[] {1, 2},
                new double[] {1, 2}, 10, 1)).hasMessageContaining("resamples must be 100..1000000, got 10");
    }

    @Test
    void severalPairsGiveTheMeanOfTheirDifferences_oneIsTheSinglePairBootstrap_andRepeatsChangeNothing() {
        Random rnd = new Random(11);
        int n = 60;
        boolean[] pos = new boolean[n];
        double[][] a = new double[3][n];
        double[][] b = new double[3][n];
        for (int i = 0; i < n; i++) {
            pos[i] = i % 3 == 0;
            for (int p = 0; p < 3; p++) {
                a[p][i] = (pos[i] ? 0.6 : 0.4) + rnd.nextGaussian() * 0.3;
                b[p][i] = (pos[i] ? 0.55 : 0.45) + rnd.nextGaussian() * 0.3;
            }
        }
        // one pair: bit for bit the single-pair bootstrap
        PairedBootstrap.Result one = PairedBootstrap.aucDifference(pos, a[0], b[0], 500, 9);
        assertThat(PairedBootstrap.aucDifference(pos, new double[][] {a[0]}, new double[][] {b[0]}, 500, 9)).isEqualTo(one);
        // the same pair twice: the same figures and interval
        PairedBootstrap.Result twice = PairedBootstrap.aucDifference(pos, new double[][] {a[0], a[0]},
                new double[][] {b[0], b[0]}, 500, 9);
        assertThat(twice.difference()).isCloseTo(one.difference(), within(1e-12));
        assertThat(twice.low()).isCloseTo(one.low(), within(1e-12));
        assertThat(twice.high()).isCloseTo(one.high(), within(1e-12));
        // three pairs: the point figures are the means of the pairs'
        PairedBootstrap.Result three = PairedBootstrap.aucDifference(pos, a, b, 500, 9);
        double meanA = 0;
        double meanB = 0;
        for (int p = 0; p < 3; p++) {
            PairedBootstrap.Result r = PairedBootstrap.aucDifference(pos, a[p], b[p], 100, 1);
            meanA += r.aucA() / 3;
            meanB += r.aucB() / 3;
        }
        assertThat(three.aucA()).isCloseTo(meanA, within(1e-12));
        assertThat(three.aucB()).isCloseTo(meanB, within(1e-12));
        assertThat(three.low()).isLessThanOrEqualTo(three.difference());
        assertThat(three.high()).isGreaterThanOrEqualTo(three.difference());

        assertThatThrownBy(() -> PairedBootstrap.aucDifference(pos, a, new double[][] {b[0]}, 500, 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same non-zero number of runs");
        assertThatThrownBy(() -> PairedBootstrap.aucDifference(pos, new double[0][], new double[0][], 500, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
