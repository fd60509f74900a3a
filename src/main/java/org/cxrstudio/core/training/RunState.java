package org.cxrstudio.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resumable state of a run besides weights and optimizer moments; serialised as JSON into
 * the checkpoint. Mutable, confined to the training thread.
 */
final class RunState {
    /** Identifies what must not change between resumes: architecture, size, seed, batch, split, teacher. */
    String fingerprint = "";
    /** SHA-256 of the {@code --init} weights the run started from, or {@code null} for a random start. */
    String initSha256;
    /** Epochs fully completed. */
    int epoch;
    /** Batches done in the current (incomplete) epoch. */
    int batchInEpoch;
    double runningLoss;
    int runningBatches;
    /** Cumulative training time across invocations, ms. */
    long elapsedMs;
    double bestScore = Double.NEGATIVE_INFINITY;
    double bestEpoch = -1;
    double bestThreshold = 0.5;
    Map<String, Object> bestValidation = new LinkedHashMap<>();
    List<EpochMetrics> history = new ArrayList<>();
    /** The card an export of the best weights would carry now (lets {@code export} work from a checkpoint alone). */
    String cardJson = "";
}
