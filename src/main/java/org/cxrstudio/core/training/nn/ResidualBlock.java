package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A torchvision ResNet block: {@code relu(main(x) + shortcut(x))}. Basic: conv3×3(stride) →
 * conv3×3; bottleneck (ResNet v1.5, stride on the 3×3): conv1×1 → conv3×3(stride) → conv1×1
 * (4× width). The shortcut is identity, or conv1×1(stride)+BN when the shape changes. The last
 * main unit has no ReLU (it comes after the sum).
 */
public final class ResidualBlock extends AbstractBlock {
    private final List<ConvBn> main = new ArrayList<>();
    private final ConvBn shortcut;

    /**
     * @param inChannels channels entering the block
     * @param width      inner width; output channels are {@code width} (basic) or {@code 4·width}
     */
    public ResidualBlock(int inChannels, int width, int stride, boolean bottleneck) {
        int out = bottleneck ? 4 * width : width;
        if (bottleneck) {
            main.add(addChildBlock("c1", new ConvBn(width, 1, 1, true)));
            main.add(addChildBlock("c2", new ConvBn(width, 3, stride, true)));
            main.add(addChildBlock("c3", new ConvBn(out, 1, 1, false)));
        } else {
            main.add(addChildBlock("c1", new ConvBn(width, 3, stride, true)));
            main.add(addChildBlock("c2", new ConvBn(out, 3, 1, false)));
        }
        shortcut = stride != 1 || inChannels != out ? addChildBlock("down", new ConvBn(out, 1, stride, false)) : null;
    }

    /** The main path, in order. */
    public List<ConvBn> main() {
        return List.copyOf(main);
    }

    /** The projection shortcut, or {@code null} for identity. */
    public ConvBn shortcut() {
        return shortcut;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList y = Chain.forward(main, store, inputs, training, params);
        NDArray s = shortcut == null ? inputs.singletonOrThrow()
                : shortcut.forward(store, inputs, training, params).singletonOrThrow();
        return new NDList(Activation.relu(y.singletonOrThrow().add(s)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Chain.initialize(main, manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return Chain.outputShapes(main, inputShapes);
    }
}
