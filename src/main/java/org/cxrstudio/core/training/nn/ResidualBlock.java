package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A torchvision ResNet block: {@code relu(main(x) + shortcut(x))}. Basic: conv3×3(stride) →
 * conv3×3; bottleneck (ResNet v1.5, stride on the 3×3): conv1×1 → conv3×3(stride) → conv1×1
 * (4× width). The shortcut is identity, or conv1×1(stride)+BN when the shape changes. The last
 * main unit has no ReLU (it comes after the sum).
 */
public final class ResidualBlock extends ResidualUnit<ConvBn> {
    private final ConvBn shortcut;

    /**
     * @param inChannels channels entering the block
     * @param width      inner width; output channels are {@code width} (basic) or {@code 4·width}
     */
    public ResidualBlock(int inChannels, int width, int stride, boolean bottleneck) {
        int out = bottleneck ? 4 * width : width;
        if (bottleneck) {
            addMain("c1", new ConvBn(width, 1, 1, true));
            addMain("c2", new ConvBn(width, 3, stride, true));
            addMain("c3", new ConvBn(out, 1, 1, false));
        } else {
            addMain("c1", new ConvBn(width, 3, stride, true));
            addMain("c2", new ConvBn(out, 3, 1, false));
        }
        shortcut = stride != 1 || inChannels != out ? addChildBlock("down", new ConvBn(out, 1, stride, false)) : null;
    }

    /** The projection shortcut, or {@code null} for identity. */
    public ConvBn shortcut() {
        return shortcut;
    }

    @Override
    NDArray skip(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return shortcut == null ? inputs.singletonOrThrow()
                : shortcut.forward(store, inputs, training, params).singletonOrThrow();
    }

    @Override
    void initializeSkip(NDManager manager, DataType dataType, Shape[] inputShapes) {
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    NDArray afterSum(NDArray sum) {
        return Activation.relu(sum);
    }
}
