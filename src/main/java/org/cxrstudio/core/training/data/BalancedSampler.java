package org.cxrstudio.core.training.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws each epoch's training order so that the source carries no information about the label.
 * <p>Images are grouped: a source holding both TB and normal images is its own group; sources
 * holding one class only (e.g. {@code tbx11k-tb}, all TB, and {@code nih-cxr14}, all normal)
 * form one "cross-source" group, because within such a source balance is impossible; unlabelled
 * images form their own group. A group keeps its natural share of the epoch (its image count),
 * and within a labelled group TB and normal each get half of it, spread evenly over their images.
 * So in every same-source group P(TB) = ½ exactly, and a classifier gains nothing there by
 * recognising the hospital.
 * <p>An epoch draws {@code n} images with replacement by these weights from a generator seeded
 * with {@code (seed, epoch)}, so any epoch can be reproduced on resume without replaying earlier
 * ones. Immutable, thread-safe.
 */
public final class BalancedSampler {
    /** Group name of single-class sources. */
    public static final String CROSS_SOURCE = "cross-source";

    private final double[] cumulative;
    private final double[] weights;

    public BalancedSampler(List<Sample> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training images");
        }
        Map<String, int[]> perSource = new HashMap<>(); // source -> {neg, pos}
        for (Sample s : train) {
            if (s.labeled()) {
                perSource.computeIfAbsent(s.source(), k -> new int[2])[s.positive() ? 1 : 0]++;
            }
        }
        Map<String, int[]> perGroup = new HashMap<>(); // group -> {neg, pos, total}
        for (Sample s : train) {
            int[] g = perGroup.computeIfAbsent(group(s, perSource), k -> new int[3]);
            g[s.labeled() && s.positive() ? 1 : 0]++;
            g[2]++;
        }
        weights = new double[train.size()];
        cumulative = new double[train.size()];
        double sum = 0;
        for (int i = 0; i < train.size(); i++) {
            Sample s = train.get(i);
            int[] g = perGroup.get(group(s, perSource));
            if (!s.labeled()) {
                weights[i] = 1;
            } else {
                int classes = (g[0] > 0 ? 1 : 0) + (g[1] > 0 ? 1 : 0);
                weights[i] = (double) g[2] / classes / g[s.positive() ? 1 : 0];
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    private static String group(Sample s, Map<String, int[]> perSource) {
        if (!s.labeled()) {
            return Sample.UNLABELED;
        }
        int[] c = perSource.get(s.source());
        return c[0] > 0 && c[1] > 0 ? s.source() : CROSS_SOURCE;
    }

    /** Sampling weight of training image {@code i} (unnormalised; sums to the image count). */
    public double weight(int i) {
        return weights[i];
    }

    /** Indices into the training list for one epoch, {@code train.size()} draws with replacement. */
    public int[] epochOrder(long seed, int epoch) {
        Random rnd = new Random(seed * 7_919L + epoch * 104_729L + 17);
        int[] order = new int[weights.length];
        double total = cumulative[cumulative.length - 1];
        for (int k = 0; k < order.length; k++) {
            double u = rnd.nextDouble() * total;
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            order[k] = lo;
        }
        return order;
    }
}
