package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * Runs child blocks one after the other, each on the previous one's output: the forward pass,
 * initialization and shape inference that {@link TbNet}, {@link ResidualBlock} and
 * {@link InvertedResidual} share for their sequential parts. Stateless.
 */
final class Chain {
    private Chain() {
    }

    static NDList forward(List<? extends Block> blocks, ParameterStore store, NDList inputs, boolean training,
                          PairList<String, Object> params) {
        NDList x = inputs;
        for (Block b : blocks) {
            x = b.forward(store, x, training, params);
        }
        return x;
    }

    /** Initializes each block on the shapes the previous ones produce; returns the last output shapes. */
    static Shape[] initialize(List<? extends Block> blocks, NDManager manager, DataType dataType, Shape[] inputShapes) {
        Shape[] s = inputShapes;
        for (Block b : blocks) {
            b.initialize(manager, dataType, s);
            s = b.getOutputShapes(s);
        }
        return s;
    }

    static Shape[] outputShapes(List<? extends Block> blocks, Shape[] inputShapes) {
        Shape[] s = inputShapes;
        for (Block b : blocks) {
            s = b.getOutputShapes(s);
        }
        return s;
    }
}
