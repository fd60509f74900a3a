package org.cxrstudio.core.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one set of images (pooled or one group). Boxed {@code Double}s are
 * {@code null} when undefined (one class present, no localization ground truth).
 *
 * @param n                   images
 * @param nPositive           TB images
 * @param auc                 ROC AUC (midranks for ties)
 * @param threshold           operating threshold used for sensitivity/specificity and boxes
 * @param sensitivity         at {@code threshold}
 * @param specificity         at {@code threshold}
 * @param thresholdAtSens90   highest threshold with sensitivity ≥ 0.90
 * @param specificityAtSens90 specificity at that threshold
 * @param miou                mean over positive images with ground-truth boxes of IoU(union of
 *                            predicted boxes, union of ground-truth boxes)
 * @param boxRecallIou30      share of ground-truth boxes (on positive images) overlapped by a
 *                            predicted box with IoU ≥ 0.3
 * @param dice                mean continuous Dice of heatmap vs box mask on the same images
 * @param note                why some figure is {@code null}, or {@code null}
 */
public record EvalSummary(int n, int nPositive, Double auc, double threshold, Double sensitivity, Double specificity,
                          Double thresholdAtSens90, Double specificityAtSens90, Double miou, Double boxRecallIou30,
                          Double dice, String note) {

    /** JSON field names exactly as the {@code eval} command documents them; {@code note} only when set. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("n_positive", nPositive);
        m.put("auc", auc);
        m.put("threshold", threshold);
        m.put("sensitivity", sensitivity);
        m.put("specificity", specificity);
        m.put("threshold_at_sens90", thresholdAtSens90);
        m.put("specificity_at_sens90", specificityAtSens90);
        m.put("miou", miou);
        m.put("box_recall_iou30", boxRecallIou30);
        m.put("dice", dice);
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }
}
