package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LSE-LBA pooling (log-sum-exp with a lower-bounded adaptive sharpness, Yao et al. 2018) of
 * per-class score maps S (N×C×h×w) to image logits p (N×C):
 * {@code p = (1/r)·log((1/(wh))·Σ exp(r·S_ij))}, {@code r = r0 + exp(β)}, β learned per class.
 *
 * <p>r interpolates between average pooling (r → 0) and max pooling (r → ∞), so the network
 * learns how focal a finding is. β starts at 0, so r starts at {@code r0 + 1}. The default
 * {@code r0 = 1} ({@link Architectures#DEFAULT_R0}) keeps {@code 1/r <= 1}: the pooled logit can
 * never be amplified by a collapsing r, and the initial r = 2 is still close to averaging, so
 * every map cell gets gradient early in training (a good start for CAM localisation).
 *
 * <p>Computed stably as {@code m + (1/r)·log(mean(exp(r·(S − m))))} with m the per-map
 * maximum, which is algebraically identical and never overflows.
 */
public final class LseLbaPooling extends AbstractBlock {
    private final int numClasses;
    private final double r0;
    private final Parameter beta;

    public LseLbaPooling(int numClasses, double r0) {
        this.numClasses = numClasses;
        this.r0 = r0;
        this.beta = addParameter(Parameters.constant("beta", Parameter.Type.OTHER, numClasses, 0f));
    }

    /** The learned β (shape C); {@code r = r0 + exp(β)}. */
    public Parameter beta() {
        return beta;
    }

    public double r0() {
        return r0;
    }

    /** Current sharpness r per class, computed from β (for export and logging). */
    public float[] sharpness() {
        float[] b = beta.getArray().toFloatArray();
        float[] r = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = (float) (r0 + Math.exp(b[i]));
        }
        return r;
    }

    /**
     * LSE pooling of {@code scores} (N×C×h×w) with sharpness {@code r} (shape C, all {@code > 0});
     * returns N×C. Public so that losses and tests can use the exact same formula.
     */
    public static NDArray pool(NDArray scores, NDArray r) {
        long n = scores.getShape().get(0);
        long c = scores.getShape().get(1);
        NDArray flat = scores.reshape(n, c, -1); // PyTorch's max reduces one axis only
        NDArray rr = r.reshape(1, c, 1);
        NDArray m = flat.max(new int[] {2}, true);
        NDArray lse = flat.sub(m).mul(rr).exp().mean(new int[] {2}, true).log().div(rr).add(m);
        return lse.reshape(n, c);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray s = inputs.singletonOrThrow();
        NDArray b = store.getValue(beta, s.getDevice(), training);
        // exp(β) would belong to β's (the network's long-lived) manager: move it to the batch's
        NDArray e = b.exp();
        e.attach(s.getManager());
        return new NDList(pool(s, e.add(r0)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        // β has a fixed shape (C), known at construction
    }

    @Override
    public String toString() {
        return "LseLbaPooling(C=" + numClasses + ", r0=" + r0 + ")";
    }
}
