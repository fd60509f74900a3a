package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.cxrstudio.core.pretrained.MobileNetV2Weights;

/**
 * A MobileNetV2 unit: square convolution (optionally grouped; {@code groups = channels} is a
 * depthwise convolution) with TensorFlow "SAME" padding, then a per-channel affine
 * {@code y = scale·x + shift}, then optionally ReLU6 ({@code min(max(y, 0), 6)}).
 *
 * <p>The affine replaces batch norm frozen in inference mode: ImageNet weights come with batch
 * norm already folded into the convolution (scale 1, shift = folded bias), and fine-tuning with
 * batch statistics did not learn from that start, so there are no running statistics at all;
 * scale and shift are trained like any parameter (no weight decay, being 1-D).
 *
 * <p>SAME padding makes the output side {@code ceil(in / stride)} and pads
 * {@code total = max((out − 1)·stride + k − in, 0)} pixels, {@code total / 2} before (top/left)
 * and the rest after (bottom/right): a stride-2 3×3 convolution on an even side pads only the
 * right and bottom. The padding is applied explicitly with zeros before an unpadded convolution.
 */
public final class SameConv extends SquareWindow {
    /** Upper clip of ReLU6. */
    public static final float RELU6_MAX = 6f;

    private final Conv2d conv;
    private final Parameter scale;
    private final Parameter shift;
    private final int filters;
    private final int groups;
    private final boolean relu6;

    /**
     * @param filters output channels
     * @param groups  1 for a full convolution, {@code filters} (= input channels) for depthwise
     */
    public SameConv(int filters, int kernel, int stride, int groups, boolean relu6) {
        super(kernel, stride);
        if (filters < 1 || kernel < 1 || stride < 1 || groups < 1 || filters % groups != 0) {
            throw new IllegalArgumentException("bad convolution: filters " + filters + ", kernel " + kernel
                    + ", stride " + stride + ", groups " + groups);
        }
        this.filters = filters;
        this.groups = groups;
        this.relu6 = relu6;
        this.conv = addChildBlock("conv", Conv2d.builder().setKernelShape(square(kernel))
                .setFilters(filters).optStride(square(stride)).optGroups(groups).optBias(false).build());
        this.scale = addParameter(Parameters.constant("scale", Parameter.Type.GAMMA, filters, 1f));
        this.shift = addParameter(Parameters.constant("shift", Parameter.Type.BETA, filters, 0f));
    }

    public Conv2d conv() {
        return conv;
    }

    /** Per-channel multiplier after the convolution (shape {@code filters}). */
    public Parameter scale() {
        return scale;
    }

    /** Per-channel offset after the multiplier, i.e. the bias (shape {@code filters}). */
    public Parameter shift() {
        return shift;
    }

    public int filters() {
        return filters;
    }

    public int groups() {
        return groups;
    }

    public boolean relu6() {
        return relu6;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        int[] ph = MobileNetV2Weights.samePadding(Math.toIntExact(x.getShape().get(2)), kernel(), stride());
        int[] pw = MobileNetV2Weights.samePadding(Math.toIntExact(x.getShape().get(3)), kernel(), stride());
        if (ph[0] + ph[1] + pw[0] + pw[1] > 0) {
            x = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0); // last axis first, like torch's pad
        }
        NDArray y = conv.forward(store, new NDList(x), training, params).singletonOrThrow();
        // parameter reshapes would belong to the network's long-lived manager: move them to the batch's
        NDArray s = store.getValue(scale, y.getDevice(), training).reshape(1, filters, 1, 1);
        s.attach(y.getManager());
        NDArray b = store.getValue(shift, y.getDevice(), training).reshape(1, filters, 1, 1);
        b.attach(y.getManager());
        y = y.mul(s).add(b);
        return new NDList(relu6 ? y.clip(0f, RELU6_MAX) : y);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, padded(inputShapes[0]));
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        // scale and shift have a fixed shape (filters), known at construction
    }

    private Shape padded(Shape in) {
        int[] ph = MobileNetV2Weights.samePadding(Math.toIntExact(in.get(2)), kernel(), stride());
        int[] pw = MobileNetV2Weights.samePadding(Math.toIntExact(in.get(3)), kernel(), stride());
        return new Shape(in.get(0), in.get(1), in.get(2) + ph[0] + ph[1], in.get(3) + pw[0] + pw[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        int stride = stride();
        return new Shape[] {new Shape(in.get(0), filters, (in.get(2) + stride - 1) / stride,
                (in.get(3) + stride - 1) / stride)};
    }

    @Override
    public String toString() {
        return "SameConv(" + filters + ", " + kernel() + "x" + kernel() + "/" + stride()
                + (groups > 1 ? ", groups " + groups : "") + (relu6 ? ", relu6" : "") + ")";
    }
}
