package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.BoxExtractor;
import org.cxrstudio.core.saliency.BoxParams;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.core.task.CancellationToken;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks a model's box parameters: sweeps {@link BoxParams} over a grid and scores each setting by
 * the mIoU of its boxes against the ground truth, exactly as {@link Evaluator} does (IoU of the
 * union masks per image, averaged over the images; boxes drawn regardless of the image score, so
 * the figure measures the map, not the threshold), with box recall at IoU
 * {@value Evaluator#RECALL_IOU} beside it.
 *
 * <p>Cost: the heatmaps are computed once by the caller; here each image is upsampled once and
 * labelled once per relative threshold ({@link BoxExtractor#regions(Heatmap, List)}), the area and
 * count filters are applied to those regions ({@link BoxExtractor#select}), and the IoU of each
 * distinct box set is computed once. Single-threaded, pure; checks the token between images and
 * between thresholds.
 *
 * <pre>{@code
 * List<Result> ranked = BoxCalibration.sweep(cases, Grid.DEFAULT, CancellationToken.NONE);
 * BoxParams best = ranked.get(0).params();
 * }</pre>
 */
public final class BoxCalibration {
    private BoxCalibration() { }

    /**
     * One TB image: its heatmap (values 0..1, image size in its {@code imageWidth/Height}) and its
     * ground-truth boxes in image pixels (at least one).
     */
    public record Case(Heatmap heatmap, List<Box> truth) {
        public Case {
            Objects.requireNonNull(heatmap, "heatmap");
            truth = List.copyOf(truth);
            if (truth.isEmpty()) {
                throw new IllegalArgumentException("a calibration image needs at least one ground-truth box");
            }
        }
    }

    /** The settings to try: every combination of the three lists. */
    public record Grid(List<Double> thresholds, List<Double> minAreas, List<Integer> maxBoxes) {
        /** Relative threshold 0.20..0.80 step 0.05 × min area {0.2, 0.5, 1, 2} % × max boxes {1, 2, 3, 5}. */
        public static final Grid DEFAULT = new Grid(steps(4, 16, 20), List.of(0.002, 0.005, 0.01, 0.02),
                List.of(1, 2, 3, 5));

        public Grid {
            thresholds = List.copyOf(thresholds);
            minAreas = List.copyOf(minAreas);
            maxBoxes = List.copyOf(maxBoxes);
            if (thresholds.isEmpty() || minAreas.isEmpty() || maxBoxes.isEmpty()) {
                throw new IllegalArgumentException("calibration grid has an empty axis");
            }
            for (double t : thresholds) {
                for (double a : minAreas) {
                    for (int n : maxBoxes) {
                        new BoxParams(t, a, n); // validates every value
                    }
                }
            }
        }

        /** {@code from/div, (from+1)/div, ..., to/div}: exact decimals such as 0.5. */
        static List<Double> steps(int from, int to, int div) {
            List<Double> out = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                out.add((double) i / div);
            }
            return out;
        }

        public int size() {
            return thresholds.size() * minAreas.size() * maxBoxes.size();
        }
    }

    /**
     * A setting and its figures over the cases.
     *
     * @param miou   mean over images of the IoU of the union of predicted boxes with the union of
     *               ground-truth boxes, {@code 0..1}
     * @param recall share of ground-truth boxes some predicted box overlaps with IoU
     *               {@code >= }{@value Evaluator#RECALL_IOU}, {@code 0..1}
     */
    public record Result(BoxParams params, double miou, double recall) { }

    /**
     * Every setting of the grid, best first: highest mIoU, then highest recall, then grid order
     * (threshold, min area, max boxes, each ascending).
     *
     * @throws IllegalArgumentException when there are no cases
     * @throws org.cxrstudio.core.task.CancelledException when cancelled
     */
    public static List<Result> sweep(List<Case> cases, Grid grid, CancellationToken cancel) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no TB images with ground-truth boxes to calibrate on");
        }
        int truthBoxes = cases.stream().mapToInt(c -> c.truth().size()).sum();
        List<List<List<BoxExtractor.Region>>> byCase = new ArrayList<>(cases.size()); // [case][threshold]
        for (Case c : cases) {
            cancel.throwIfCancelled();
            byCase.add(BoxExtractor.regions(c.heatmap(), grid.thresholds()));
        }
        List<Result> results = new ArrayList<>(grid.size());
        for (int ti = 0; ti < grid.thresholds().size(); ti++) {
            cancel.throwIfCancelled();
            double t = grid.thresholds().get(ti);
            List<List<BoxExtractor.Region>> regions = new ArrayList<>(cases.size());
            List<Map<List<Box>, double[]>> memo = new ArrayList<>(cases.size());
            for (List<List<BoxExtractor.Region>> r : byCase) {
                regions.add(r.get(ti));
                memo.add(new HashMap<>());
            }
            for (double a : grid.minAreas()) {
                for (int n : grid.maxBoxes()) {
                    double iouSum = 0;
                    double found = 0;
                    for (int i = 0; i < cases.size(); i++) {
                        Case c = cases.get(i);
                        List<Box> boxes = BoxExtractor.select(regions.get(i), a, n);
                        double[] f = memo.get(i).computeIfAbsent(boxes, b -> figures(b, c));
                        iouSum += f[0];
                        found += f[1];
                    }
                    results.add(new Result(new BoxParams(t, a, n), iouSum / cases.size(), found / truthBoxes));
                }
            }
        }
        results.sort(Comparator.comparingDouble(Result::miou).reversed()
                .thenComparing(Comparator.comparingDouble(Result::recall).reversed()));
        return List.copyOf(results);
    }

    /** The figures of one setting, through {@link BoxExtractor#extract} as at prediction time. */
    public static Result evaluate(List<Case> cases, BoxParams params) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no TB images with ground-truth boxes to calibrate on");
        }
        BoxExtractor extractor = new BoxExtractor(params);
        double iouSum = 0;
        double found = 0;
        int truthBoxes = 0;
        for (Case c : cases) {
            double[] f = figures(extractor.extract(c.heatmap()), c);
            iouSum += f[0];
            found += f[1];
            truthBoxes += c.truth().size();
        }
        return new Result(params, iouSum / cases.size(), found / truthBoxes);
    }

    /** {IoU of unions, ground-truth boxes found}. */
    private static double[] figures(List<Box> predicted, Case c) {
        Heatmap h = c.heatmap();
        return new double[] {
                Localization.iouOfUnions(predicted, c.truth(), h.imageWidth(), h.imageHeight()),
                Localization.boxesFound(predicted, c.truth(), Evaluator.RECALL_IOU)};
    }
}
