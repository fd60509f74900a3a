package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A MobileNetV2 inverted residual block (Sandler et al. 2018): expand 1×1 to
 * {@code t·in} channels + ReLU6 (left out when t = 1), depthwise 3×3 with the block's stride +
 * ReLU6, project 1×1 to {@code out} channels without activation (the "linear bottleneck"); the
 * input is added back when the stride is 1 and {@code in == out}.
 */
public final class InvertedResidual extends ResidualUnit<SameConv> {
    private final boolean residual;

    /** @param expansion t, {@code >= 1} */
    public InvertedResidual(int in, int out, int stride, int expansion) {
        int hidden = in * expansion;
        if (expansion != 1) {
            addMain("expand", new SameConv(hidden, 1, 1, 1, true));
        }
        addMain("dw", new SameConv(hidden, 3, stride, hidden, true));
        addMain("project", new SameConv(out, 1, 1, 1, false));
        this.residual = stride == 1 && in == out;
    }

    /** Whether the input is added to the projection. */
    public boolean residual() {
        return residual;
    }

    @Override
    NDArray skip(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return residual ? inputs.singletonOrThrow() : null;
    }
}
