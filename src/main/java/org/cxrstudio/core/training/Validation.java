package org.cxrstudio.core.training;

import org.cxrstudio.core.imaging.CropRegion;

import org.cxrstudio.core.eval.EvalReport;
import org.cxrstudio.core.eval.EvalSample;
import org.cxrstudio.core.eval.EvalSummary;
import org.cxrstudio.core.eval.Evaluator;
import org.cxrstudio.core.eval.ShortcutCheck;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.BoxExtractor;
import org.cxrstudio.core.saliency.BoxParams;
import org.cxrstudio.core.saliency.CamNormalization;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.core.saliency.Heatmaps;
import org.cxrstudio.core.training.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validation figures of one model on the validation images, through {@code core.eval}: pooled
 * and per-source summaries, the shortcut check, the mean BCE, and the selection score.
 * <p>Localisation: on every TB validation image with ground-truth boxes, boxes come from the
 * min-max-normalised CAM ({@link BoxParams#DEFAULT}) <em>regardless of the image score</em>, so
 * mIoU measures where the model looks, independently of its threshold.
 * <p>Selection score (higher is better): the mean of the <em>same-source AUC</em> (AUC averaged over
 * the sources whose validation images hold both TB and normal, e.g. Shenzhen, Montgomery, DA/DB,
 * weighted by their numbers of validation images)
 * and the mIoU, using whichever of the two exists; else the pooled AUC; else minus the loss. This
 * rewards separating TB from normal within one hospital and looking at the lesion, not
 * recognising the hospital.
 *
 * @param loss          mean BCE against the labels
 * @param report        pooled, per-source and shortcut figures
 * @param sameSourceAuc mean AUC over two-class sources, or {@code null}
 * @param score         selection score
 */
record Validation(double loss, EvalReport report, Double sameSourceAuc, double score) {

    /**
     * @param val    validation samples
     * @param prob   probability per sample
     * @param cams   raw CAM per sample on a {@code camW×camH} grid
     * @param cropFraction {@link org.cxrstudio.core.imaging.Preprocessing#cropFraction()} of the model that
     *               made the CAMs: the grid covers that crop of each image
     * @param widths original image width per sample (pixels), heights likewise
     */
    static Validation of(List<Sample> val, float[] prob, float[][] cams, int camW, int camH, double cropFraction,
                         int[] widths, int[] heights) {
        BoxExtractor boxes = new BoxExtractor(BoxParams.DEFAULT);
        List<EvalSample> samples = new ArrayList<>();
        double loss = 0;
        boolean anyBoxes = false;
        for (int i = 0; i < val.size(); i++) {
            Sample s = val.get(i);
            double p = Math.min(1 - 1e-7, Math.max(1e-7, prob[i]));
            loss -= s.positive() ? Math.log(p) : Math.log(1 - p);
            Heatmap h = null;
            List<Box> predicted = List.of();
            if (s.positive() && !s.boxes().isEmpty()) {
                anyBoxes = true;
                h = Heatmaps.fromCam(cams[i], camW, camH, CropRegion.of(widths[i], heights[i], cropFraction), widths[i],
                        heights[i], CamNormalization.MIN_MAX);
                predicted = boxes.extract(h);
            }
            samples.add(new EvalSample(s.filename(), s.positive(), prob[i], predicted, h, s.boxes(), widths[i],
                    heights[i], s.source()));
        }
        loss /= Math.max(1, val.size());
        EvalSummary pooled = Evaluator.summarize(samples, 0.5, anyBoxes);
        Map<String, EvalSummary> groups = Evaluator.byGroup(samples, 0.5, anyBoxes);
        EvalReport report = new EvalReport(pooled, groups, ShortcutCheck.run(samples));
        // weighted by each source's validation images: Montgomery (7) and DA/DB (17) swing by
        // 0.1-0.4 between epochs on one or two images and would otherwise pick noisy epochs
        double sum = 0;
        int k = 0;
        for (EvalSummary g : groups.values()) {
            if (g.auc() != null) {
                sum += g.auc() * g.n();
                k += g.n();
            }
        }
        Double same = k == 0 ? null : sum / k;
        double score;
        if (same != null && pooled.miou() != null) {
            score = (same + pooled.miou()) / 2;
        } else if (same != null) {
            score = same;
        } else if (pooled.miou() != null) {
            score = pooled.miou();
        } else if (pooled.auc() != null) {
            score = pooled.auc();
        } else {
            score = -loss;
        }
        return new Validation(loss, report, same, score);
    }

    /** One console line: loss, pooled AUC, same-source AUC, per-source AUC, mIoU. */
    String summaryLine() {
        StringBuilder b = new StringBuilder(String.format("val loss %.4f", loss));
        EvalSummary p = report.pooled();
        b.append(String.format(", AUC %s", fmt(p.auc())));
        b.append(String.format(", same-source AUC %s", fmt(sameSourceAuc)));
        report.groups().forEach((g, s) -> {
            if (s.auc() != null) {
                b.append(String.format(", %s %s", g, fmt(s.auc())));
            }
        });
        b.append(String.format(", mIoU %s, score %.4f", fmt(p.miou()), score));
        return b.toString();
    }

    static String fmt(Double v) {
        return v == null ? "n/a" : String.format("%.3f", v);
    }
}
