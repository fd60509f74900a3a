package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * A block that slides a square window over an {@code N×C×H×W} input, kernel × kernel pixels
 * with the same stride on both axes: the geometry {@link ConvBn}, {@link SameConv} and
 * {@link MaxPool} share and the ONNX exporter reads back. Padding differs per block (fixed for
 * {@code ConvBn} and {@code MaxPool}, TensorFlow SAME for {@code SameConv}), so it stays there.
 */
public abstract sealed class SquareWindow extends AbstractBlock permits ConvBn, MaxPool, SameConv {
    private final int kernel;
    private final int stride;

    SquareWindow(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    /** Window side in pixels. */
    public final int kernel() {
        return kernel;
    }

    /** Step between windows in pixels, both axes. */
    public final int stride() {
        return stride;
    }

    /** {@code (n, n)}: DJL's 2-D kernel, stride and padding arguments for a square window. */
    static Shape square(long n) {
        return new Shape(n, n);
    }
}
