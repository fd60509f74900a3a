package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Square max pooling (floor rounding, implicit −∞ padding), visible to the exporter. */
public final class MaxPool extends SquareWindow {
    private final int padding;

    /** @param padding implicit −∞ border on each side, pixels */
    public MaxPool(int kernel, int stride, int padding) {
        super(kernel, stride);
        this.padding = padding;
    }

    public int padding() {
        return padding;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(Pool.maxPool2d(inputs.singletonOrThrow(), square(kernel()), square(stride()),
                square(padding), false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        long h = (s.get(2) + 2L * padding - kernel()) / stride() + 1;
        long w = (s.get(3) + 2L * padding - kernel()) / stride() + 1;
        return new Shape[] {new Shape(s.get(0), s.get(1), h, w)};
    }
}
