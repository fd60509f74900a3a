package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A MobileNetV2 inverted residual block (Sandler et al. 2018): expand 1×1 to
 * {@code t·in} channels + ReLU6 (left out when t = 1), depthwise 3×3 with the block's stride +
 * ReLU6, project 1×1 to {@code out} channels without activation (the "linear bottleneck"); the
 * input is added back when the stride is 1 and {@code in == out}.
 */
public final class InvertedResidual extends AbstractBlock {
    private final List<SameConv> units = new ArrayList<>();
    private final boolean residual;

    /** @param expansion t, {@code >= 1} */
    public InvertedResidual(int in, int out, int stride, int expansion) {
        int hidden = in * expansion;
        if (expansion != 1) {
            units.add(addChildBlock("expand", new SameConv(hidden, 1, 1, 1, true)));
        }
        units.add(addChildBlock("dw", new SameConv(hidden, 3, stride, hidden, true)));
        units.add(addChildBlock("project", new SameConv(out, 1, 1, 1, false)));
        this.residual = stride == 1 && in == out;
    }

    /** The convolutions in order: [expand,] depthwise, project. */
    public List<SameConv> units() {
        return List.copyOf(units);
    }

    /** Whether the input is added to the projection. */
    public boolean residual() {
        return residual;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList y = Chain.forward(units, store, inputs, training, params);
        if (!residual) {
            return y;
        }
        NDArray sum = y.singletonOrThrow().add(inputs.singletonOrThrow());
        return new NDList(sum);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Chain.initialize(units, manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return Chain.outputShapes(units, inputShapes);
    }
}
