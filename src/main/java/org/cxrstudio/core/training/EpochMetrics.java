package org.cxrstudio.core.training;

import java.util.Map;

/**
 * Figures after one epoch (or after part of one, when a time budget stopped the run), as written
 * to {@code metrics.jsonl}.
 *
 * @param epoch            epochs completed, fractional for a partial epoch (e.g. 3.4)
 * @param trainLoss        mean training loss over the epoch's batches (all terms)
 * @param valLoss          validation BCE
 * @param auc              pooled validation AUC, or {@code null}
 * @param sameSourceAuc    mean AUC over two-class sources, or {@code null}
 * @param miou             validation mIoU on TB images with boxes, or {@code null}
 * @param specAtSens90     pooled specificity at 90 % sensitivity, or {@code null}
 * @param score            selection score (see {@link Validation})
 * @param sourceAuc        AUC per source (two-class sources only)
 * @param elapsedSeconds   cumulative training time across invocations, seconds
 * @param imagesPerSecond  training throughput of this epoch
 * @param best             this epoch is the best so far
 */
public record EpochMetrics(double epoch, double trainLoss, double valLoss, Double auc, Double sameSourceAuc,
                           Double miou, Double specAtSens90, double score, Map<String, Double> sourceAuc,
                           double elapsedSeconds, double imagesPerSecond, boolean best) {
    public EpochMetrics {
        sourceAuc = Map.copyOf(sourceAuc);
    }
}
