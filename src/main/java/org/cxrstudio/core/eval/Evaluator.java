package org.cxrstudio.core.eval;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes {@link EvalSummary} figures from evaluated images, pooled and per group. Pure,
 * thread-safe.
 */
public final class Evaluator {
    /** Target sensitivity of the triage operating point (WHO target product profile). */
    public static final double TARGET_SENSITIVITY = 0.90;
    /** Box-to-box IoU at which a ground-truth box counts as found. */
    public static final double RECALL_IOU = 0.30;

    private Evaluator() { }

    /**
     * Pooled figures. With one class only this throws: a pooled AUC that cannot be computed
     * means the wrong labels were given.
     *
     * @param localize whether ground-truth boxes were available (labels CSV has box columns);
     *                 when false mIoU, recall and Dice are {@code null}
     * @throws OneClassException when all images are TB or all are not
     */
    public static EvalSummary pooled(List<EvalSample> samples, double threshold, boolean localize) {
        EvalSummary s = summarize(samples, threshold, localize);
        if (s.auc() == null && !samples.isEmpty()) {
            throw new OneClassException(s.note());
        }
        return s;
    }

    /** Figures per {@link EvalSample#group()}, sorted by group; one-class groups get {@code null} AUC and a note. */
    public static Map<String, EvalSummary> byGroup(List<EvalSample> samples, double threshold, boolean localize) {
        Map<String, List<EvalSample>> groups = new TreeMap<>();
        for (EvalSample s : samples) {
            groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
        }
        Map<String, EvalSummary> out = new TreeMap<>();
        groups.forEach((g, list) -> out.put(g, summarize(list, threshold, localize)));
        return out;
    }

    /** Figures of one set; never throws for one class (AUC and the sens-90 point become {@code null}). */
    public static EvalSummary summarize(List<EvalSample> samples, double threshold, boolean localize) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no images to evaluate");
        }
        int n = samples.size();
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = samples.get(i).score();
            labels[i] = samples.get(i).positive();
        }
        int nPos = Metrics.count(labels);
        List<String> notes = new ArrayList<>();
        Double auc = null;
        Double tAt90 = null;
        Double specAt90 = null;
        if (nPos == 0 || nPos == n) {
            notes.add("only " + (nPos == 0 ? "non-TB" : "TB") + " images (" + n + "): AUC undefined");
        } else {
            auc = Metrics.auc(scores, labels);
            OperatingPoint p90 = Metrics.forSensitivity(scores, labels, TARGET_SENSITIVITY);
            tAt90 = p90.threshold();
            specAt90 = p90.specificity();
        }
        OperatingPoint op = Metrics.at(scores, labels, threshold);
        Double miou = null;
        Double recall = null;
        Double dice = null;
        if (localize) {
            double iouSum = 0;
            double diceSum = 0;
            int localized = 0;
            int diceCount = 0;
            int truthBoxes = 0;
            int found = 0;
            for (EvalSample s : samples) {
                if (!s.positive() || s.truth().isEmpty()) {
                    continue;
                }
                localized++;
                iouSum += Localization.iouOfUnions(s.predicted(), s.truth(), s.imageWidth(), s.imageHeight());
                truthBoxes += s.truth().size();
                found += Localization.boxesFound(s.predicted(), s.truth(), RECALL_IOU);
                if (s.heatmap() != null) {
                    diceSum += Localization.softDice(s.heatmap(), s.truth());
                    diceCount++;
                }
            }
            if (localized == 0) {
                notes.add("no TB image with ground-truth boxes: localization undefined");
            } else {
                miou = iouSum / localized;
                recall = (double) found / truthBoxes;
                dice = diceCount == 0 ? null : diceSum / diceCount;
            }
        }
        return new EvalSummary(n, nPos, auc, threshold, nanToNull(op.sensitivity()), nanToNull(op.specificity()),
                tAt90, specAt90, miou, recall, dice, notes.isEmpty() ? null : String.join("; ", notes));
    }

    static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
