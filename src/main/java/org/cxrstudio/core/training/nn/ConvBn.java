package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Square convolution without bias, batch norm, optional ReLU: the unit every architecture is
 * built from. The exporter folds the batch norm into the convolution.
 */
public final class ConvBn extends SquareWindow {
    /** Batch-norm epsilon (PyTorch's default), also used when folding at export. */
    public static final float BN_EPSILON = 1e-5f;

    private final Conv2d conv;
    private final BatchNorm bn;
    private final int filters;
    private final boolean relu;

    /** @param kernel square kernel side; padding is {@code kernel / 2} ("same" at stride 1) */
    public ConvBn(int filters, int kernel, int stride, boolean relu) {
        super(kernel, stride);
        this.filters = filters;
        this.relu = relu;
        this.conv = addChildBlock("conv", Conv2d.builder().setKernelShape(square(kernel))
                .setFilters(filters).optStride(square(stride)).optPadding(square(kernel / 2))
                .optBias(false).build());
        this.bn = addChildBlock("bn", BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(0.9f).build());
    }

    public Conv2d conv() {
        return conv;
    }

    public BatchNorm bn() {
        return bn;
    }

    public int filters() {
        return filters;
    }

    /** Zero border on each side, pixels: {@code kernel / 2}. */
    public int padding() {
        return kernel() / 2;
    }

    public boolean relu() {
        return relu;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList x = conv.forward(store, inputs, training, params);
        x = bn.forward(store, x, training, params);
        return relu ? new NDList(Activation.relu(x.singletonOrThrow())) : x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
        bn.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }
}
