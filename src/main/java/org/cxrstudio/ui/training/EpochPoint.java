package org.cxrstudio.ui.training;

/**
 * One point of the live charts, from {@code metrics.jsonl}.
 *
 * @param run       which student: {@code distilled}, or {@code baseline} (labels only, trained first)
 * @param epoch     epochs completed (fractional for a partial epoch)
 * @param trainLoss mean training loss
 * @param valLoss   validation loss
 * @param auc       validation AUC 0..1, or {@code null}
 * @param miou      validation mIoU 0..1 on TB images with boxes, or {@code null} when none have boxes
 * @param best      the best epoch so far (its weights are the ones exported)
 */
public record EpochPoint(String run, double epoch, double trainLoss, double valLoss, Double auc, Double miou, boolean best) {
    public static final String DISTILLED = "distilled";
    public static final String BASELINE = "baseline";
}
