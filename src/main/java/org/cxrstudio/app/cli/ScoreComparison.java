package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.OneClassException;
import org.cxrstudio.core.eval.PairedBootstrap;
import org.cxrstudio.core.eval.ScoresFile.Score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistics of {@code compare-scores}: runs a and b (pair {@code k} is {@code a[k]} against
 * {@code b[k]}, all scoring the same images) compared on a subset of the images by paired,
 * class-stratified bootstrap ({@link PairedBootstrap}): the AUC difference, and the mIoU
 * difference on the images every run has an IoU for. With several pairs, each pair's figures and
 * the mean over the pairs.
 */
final class ScoreComparison {
    private final List<Map<String, Score>> a;
    private final List<Map<String, Score>> b;
    private final int resamples;
    private final long seed;

    ScoreComparison(List<Map<String, Score>> a, List<Map<String, Score>> b, int resamples, long seed) {
        this.a = a;
        this.b = b;
        this.resamples = resamples;
        this.seed = seed;
    }

    int pairs() {
        return a.size();
    }

    /**
     * The figures on one subset.
     *
     * @param groups     the groups in the subset; {@code null} for all images
     * @param n          images in the subset
     * @param aucPerPair with several pairs, each pair's AUC difference; else empty
     * @param auc        the (mean) AUC difference; {@code null} when the subset has one class only
     * @param error      why there is no AUC difference, or {@code null}
     * @param miouPerPair with several pairs and IoUs, each pair's mIoU difference; else empty
     * @param miou       the (mean) mIoU difference; {@code null} where no image has IoUs in every run
     */
    record Subset(String name, Set<String> groups, int n, List<PairedBootstrap.Result> aucPerPair,
                  PairedBootstrap.Result auc, String error, List<PairedBootstrap.MeanResult> miouPerPair,
                  PairedBootstrap.MeanResult miou) { }

    /** Compares on the images of {@code groups} ({@code null}: all); an empty subset is an error. */
    Subset compare(String name, Set<String> groups) {
        Map<String, Score> first = a.get(0);
        List<String> keys = first.keySet().stream().filter(k -> groups == null || groups.contains(first.get(k).group())).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("subset '" + name + "': no image is in groups " + groups);
        }
        boolean[] pos = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            pos[i] = first.get(keys.get(i)).positive();
        }
        double[][] sa = scores(a, keys);
        double[][] sb = scores(b, keys);
        List<PairedBootstrap.Result> aucPerPair = new ArrayList<>();
        PairedBootstrap.Result auc = null;
        String error = null;
        try {
            if (pairs() > 1) {
                for (int p = 0; p < pairs(); p++) {
                    aucPerPair.add(PairedBootstrap.aucDifference(pos, sa[p], sb[p], resamples, seed));
                }
            }
            auc = PairedBootstrap.aucDifference(pos, sa, sb, resamples, seed);
        } catch (OneClassException e) { // the labels are the same in every run: the first pair fails, or none
            error = e.getMessage();
        }
        List<String> localized = keys.stream().filter(k -> a.stream().allMatch(m -> m.get(k).iou() != null)
                && b.stream().allMatch(m -> m.get(k).iou() != null)).toList();
        List<PairedBootstrap.MeanResult> miouPerPair = new ArrayList<>();
        PairedBootstrap.MeanResult miou = null;
        if (!localized.isEmpty()) {
            if (pairs() > 1) {
                for (int p = 0; p < pairs(); p++) {
                    miouPerPair.add(PairedBootstrap.meanDifference(ious(List.of(a.get(p)), localized),
                            ious(List.of(b.get(p)), localized), resamples, seed));
                }
            }
            // the mean over the pairs of mIoU(a) - mIoU(b) is the mean over the images of the runs' mean IoUs' difference
            miou = PairedBootstrap.meanDifference(ious(a, localized), ious(b, localized), resamples, seed);
        }
        return new Subset(name, groups, keys.size(), aucPerPair, auc, error, miouPerPair, miou);
    }

    private static double[][] scores(List<Map<String, Score>> runs, List<String> keys) {
        double[][] s = new double[runs.size()][keys.size()];
        for (int p = 0; p < runs.size(); p++) {
            for (int i = 0; i < keys.size(); i++) {
                s[p][i] = runs.get(p).get(keys.get(i)).score();
            }
        }
        return s;
    }

    /** Per image, the mean IoU over the runs. */
    private static double[] ious(List<Map<String, Score>> runs, List<String> keys) {
        return keys.stream().mapToDouble(k -> runs.stream().mapToDouble(m -> m.get(k).iou()).average().orElseThrow()).toArray();
    }
}
