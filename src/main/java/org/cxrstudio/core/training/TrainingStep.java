package org.cxrstudio.core.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.cxrstudio.core.training.loss.Losses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One optimisation step: forward in training mode, the loss
 * {@code (1−α)·BCE(labels or AALS targets) + α·T²·BCE(z/T, soft teacher) + β·CAM transfer}
 * (only the first term without a teacher), plus {@code γ·CAM-to-box-mask} on images with expert boxes
 * when box guidance is on, backward, AdamW update. All intermediate arrays live
 * in a sub-manager closed after the step. A batch whose gradient overflows is skipped with a
 * warning ({@link AdamW#step}); {@value #MAX_CONSECUTIVE_SKIPS} such batches in a row end the run as
 * diverged. Not thread-safe.
 */
final class TrainingStep {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingStep.class);
    static final int MAX_CONSECUTIVE_SKIPS = 20;

    private final StudentNet net;
    private final AdamW opt;
    private final Weights w;
    private int consecutiveSkips;
    private long skipped;

    /**
     * The loss terms' weights.
     *
     * @param kdAlpha     α, weight of the distillation term ({@code 1 − α} goes to the label term)
     * @param temperature distillation temperature T
     * @param camWeight   β, weight of the CAM-transfer term (0 = off)
     * @param boxWeight   γ, weight of the CAM-to-box-mask term (0 = off)
     */
    record Weights(double kdAlpha, double temperature, double camWeight, double boxWeight) {
        static Weights of(TrainingConfig c) {
            return new Weights(c.kdAlpha(), c.temperature(), c.camWeight(), c.boxWeight());
        }
    }

    TrainingStep(StudentNet net, AdamW opt, Weights weights) {
        this.net = net;
        this.opt = opt;
        this.w = weights;
    }

    /**
     * @return the batch loss before the update
     * @throws IllegalStateException when the loss is not finite (diverged)
     */
    float run(BatchAssembler.Data d, float lr) {
        int n = d.n();
        int s = net.inputSize();
        float lossValue;
        String lossTerms;
        boolean applied;
        try (NDManager sub = net.manager().newSubManager()) {
            NDArray x = sub.create(d.x(), new Shape(n, 1, s, s));
            NDArray target = sub.create(d.target(), new Shape(n, 1));
            NDArray wSup = sub.create(d.wSup(), new Shape(n, 1));
            NDArray sup;
            NDArray kd = null;
            NDArray cam = null;
            NDArray box = null;
            try (GradientCollector gc = Engine.getEngine(StudentNet.ENGINE).newGradientCollector()) {
                NDList out = net.forward(new NDList(x), true);
                NDArray logits = out.get(0);
                NDArray loss = Losses.bce(logits, target, wSup);
                sup = loss;
                if (d.soft() != null) {
                    NDArray soft = sub.create(d.soft(), new Shape(n, 1));
                    NDArray ones = sub.ones(new Shape(n, 1));
                    kd = Losses.distillation(logits, soft, (float) w.temperature(), ones);
                    loss = loss.mul((float) (1 - w.kdAlpha())).add(kd.mul((float) w.kdAlpha()));
                    if (w.camWeight() > 0) {
                        NDArray tcam = sub.create(d.cam(), new Shape(n, 1, net.camHeight(), net.camWidth()));
                        NDArray wCam = sub.create(d.wCam(), new Shape(n));
                        cam = Losses.camTransfer(out.get(1), tcam, wCam);
                        loss = loss.add(cam.mul((float) w.camWeight()));
                    }
                }
                if (w.boxWeight() > 0 && d.boxMask() != null) {
                    NDArray mask = sub.create(d.boxMask(), new Shape(n, 1, net.camHeight(), net.camWidth()));
                    NDArray wBox = sub.create(d.wBox(), new Shape(n));
                    box = Losses.camTransfer(out.get(1), mask, wBox);
                    loss = loss.add(box.mul((float) w.boxWeight()));
                }
                gc.backward(loss);
                lossValue = loss.getFloat();
            }
            applied = opt.step(lr);
            lossTerms = applied ? null : "labels " + sup.getFloat() + (kd == null ? "" : ", kd " + kd.getFloat())
                    + (cam == null ? "" : ", cam " + cam.getFloat()) + (box == null ? "" : ", box " + box.getFloat());
        }
        if (!Float.isFinite(lossValue)) {
            throw new IllegalStateException("training diverged (loss " + lossValue + "); try a lower --lr");
        }
        if (!applied) {
            skipped++;
            consecutiveSkips++;
            LOG.warn("skipped a batch whose gradient overflowed ({}; loss terms: {}); {} skipped so far",
                    opt.lastSkipReason(), lossTerms, skipped);
            if (consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) {
                throw new IllegalStateException("training diverged (" + consecutiveSkips
                        + " batches in a row with an overflowing gradient); try a lower --lr");
            }
        } else {
            consecutiveSkips = 0;
        }
        return lossValue;
    }
}
