package org.cxrstudio.core.training.loss;

import ai.djl.ndarray.NDArray;

/**
 * The training losses, as differentiable {@link NDArray} expressions (any DJL engine; the
 * trainer uses PyTorch). Every loss takes per-image weights {@code w} (shape {@code [N]} or
 * {@code [N,1]}, 0 to exclude an image) and returns the weighted mean over images, a scalar;
 * with all weights zero it returns 0.
 */
public final class Losses {
    private static final float EPS = 1e-6f;

    private Losses() { }

    /**
     * Binary cross-entropy on logits, numerically stable:
     * {@code max(x,0) − x·y + log(1 + exp(−|x|))}.
     *
     * @param logits  {@code [N,1]} pre-sigmoid scores
     * @param targets {@code [N,1]} targets in {@code 0..1} (labels or soft/pseudo labels)
     * @param w       {@code [N,1]} per-image weights
     */
    public static NDArray bce(NDArray logits, NDArray targets, NDArray w) {
        NDArray per = logits.maximum(0f).sub(logits.mul(targets)).add(logits.abs().neg().exp().add(1f).log());
        return weightedMean(per.reshape(-1), w.reshape(-1));
    }

    /**
     * Knowledge distillation with temperature {@code T} (Hinton et al.) for a sigmoid output:
     * {@code T² · BCE(z_s / T, sigmoid(z_t / T))}, where {@code z_t} are the teacher logits. The
     * {@code T²} keeps gradient magnitudes comparable across temperatures.
     *
     * @param studentLogits {@code [N,1]}
     * @param teacherSoft   {@code [N,1]} teacher soft targets {@code sigmoid(z_t / T)} (see
     *                      {@link #softTarget})
     */
    public static NDArray distillation(NDArray studentLogits, NDArray teacherSoft, float temperature, NDArray w) {
        return bce(studentLogits.div(temperature), teacherSoft, w).mul(temperature * temperature);
    }

    /** {@code sigmoid(logit(p) / T)}: a teacher probability softened by temperature {@code T}. */
    public static float softTarget(double teacherProbability, double temperature) {
        return (float) Aals.sigmoid(Aals.logit(teacherProbability) / temperature);
    }

    /**
     * CAM transfer (attention transfer): the mean squared difference of the per-image
     * z-normalised maps, {@code mean((ẑ(S) − ẑ(T))²)} with {@code ẑ(x) = (x − mean x) / (std x + ε)};
     * equal to {@code 2(1 − Pearson r)} for non-flat maps, so it matches the <em>shape</em> of the
     * teacher's map, not its logit scale.
     *
     * @param studentCam  {@code [N,1,h,w]}
     * @param teacherCam  {@code [N,1,h,w]} teacher CAM already resized to the student grid
     * @param w           {@code [N]} per-image weights
     */
    public static NDArray camTransfer(NDArray studentCam, NDArray teacherCam, NDArray w) {
        long n = studentCam.getShape().get(0);
        NDArray s = zNormalize(studentCam.reshape(n, -1));
        NDArray t = zNormalize(teacherCam.reshape(n, -1));
        NDArray per = s.sub(t).square().mean(new int[] {1});
        return weightedMean(per, w.reshape(-1));
    }

    static NDArray zNormalize(NDArray x) {
        NDArray mean = x.mean(new int[] {1}, true);
        NDArray centered = x.sub(mean);
        NDArray std = centered.square().mean(new int[] {1}, true).sqrt().add(EPS);
        return centered.div(std);
    }

    static NDArray weightedMean(NDArray perImage, NDArray w) {
        NDArray sw = w.sum();
        return perImage.mul(w).sum().div(sw.maximum(EPS));
    }
}
