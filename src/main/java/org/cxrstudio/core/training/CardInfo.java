package org.cxrstudio.core.training;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.data.Augmentation;
import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.training.data.Split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code training} section of a model card: how the model was made, enough to redo it. */
final class CardInfo {
    /** Key of the LSE-LBA r0 in the training section (read back when exporting a checkpoint). */
    static final String R0 = "r0";
    /** Key of the SHA-256 of the {@code --init} weights file in the training section. */
    static final String INIT_SHA256 = "init_sha256";

    private CardInfo() { }

    /** The card {@code export} writes for the current state (best weights' validation figures). */
    static ModelCard card(TrainingConfig c, PreparedData data, RunState state, String reason,
                          Map<String, Object> validation) {
        return new ModelCard(c.name(), "1.0", c.arch(), c.role(), c.preprocessing(), List.of("tb"),
                Math.max(0, Math.min(1, state.bestThreshold)), ModelCard.DEFAULT_PROBABILITY_OUTPUT,
                ModelCard.DEFAULT_CAM_OUTPUT, training(c, data, state, reason), validation, "");
    }

    static Map<String, Object> training(TrainingConfig c, PreparedData data, RunState state, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> sets = new ArrayList<>();
        for (LabeledFolder f : c.labeled()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("images", f.images().toString());
            s.put("labels", f.labels().toString());
            sets.add(s);
        }
        m.put("data", sets);
        if (c.unlabeled() != null) {
            m.put("unlabeled", c.unlabeled().toString());
        }
        m.put("command", c.command());
        if (state.initSha256 != null) {
            m.put("init", c.init() == null ? null : c.init().toString());
            m.put(INIT_SHA256, state.initSha256);
            m.put("init_recipe", ImageNetInit.RECIPE);
        }
        m.put("seed", c.seed());
        m.put("split_seed", c.splitSeed());
        m.put("epochs_planned", c.epochs());
        m.put("epochs_completed", state.epoch);
        m.put("best_epoch", state.bestEpoch);
        m.put("stop_reason", reason);
        m.put("training_seconds", state.elapsedMs / 1000.0);
        m.put("time_budget", c.timeBudget() == null ? null : c.timeBudget().toString());
        m.put("batch_size", c.batchSize());
        m.put(R0, c.r0());
        m.put("optimizer", String.format("AdamW lr %.2g (%scosine to %.0f%%), weight decay %.2g", c.learningRate(),
                c.warmupBatches() > 0 ? "linear warm-up over " + c.warmupBatches() + " batches, " : "",
                TrainingRun.LR_FLOOR * 100, c.weightDecay()));
        m.put("split", Split.FILE_NAME + ": stratified by source x label, " + Math.round(c.valFraction() * 100)
                + "% validation, seed " + c.splitSeed());
        m.put("n_train", data.train().length);
        m.put("n_validation", data.val().length);
        m.put("sampler", "balanced: TB and normal weigh half each within every source (single-class sources "
                + "pooled into one cross-source group); same-source boost " + c.sameSourceBoost());
        m.put("augmentation", c.augment() ? String.format("affine (rotation ±%.0f°, scale ±%.0f%%, shift ±%.0f%%), "
                + "gamma 0.8-1.25; no horizontal flip (laterality)", Augmentation.MAX_ROTATION_DEG,
                Augmentation.MAX_SCALE_CHANGE * 100, Augmentation.MAX_SHIFT * 100) : "none");
        m.put("selection", "best validation score = mean(same-source AUC, mIoU)");
        if (c.boxWeight() > 0) {
            m.put("box_weight", c.boxWeight());
            m.put("supervision", "image labels + expert boxes of training images (box-guided CAM)");
        }
        if (c.teacher() != null) {
            m.put("teacher", c.teacher().toString());
            m.put("kd_alpha", c.kdAlpha());
            m.put("temperature", c.temperature());
            m.put("cam_weight", c.camWeight());
            m.put("aals", Map.of("a0", c.aals().a0(), "t", c.aals().t()));
        }
        m.put("engine", "DJL PyTorch (CPU)");
        return m;
    }
}
