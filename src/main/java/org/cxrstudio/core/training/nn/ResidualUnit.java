package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The plumbing {@link ResidualBlock} and {@link InvertedResidual} share: a main chain of units,
 * whose output is, when there is a skip connection, added to the skip value and passed through
 * {@link #afterSum}. The output shape is the main chain's. Subclasses say what the skip is.
 *
 * @param <U> the unit type of the main chain
 */
abstract sealed class ResidualUnit<U extends Block> extends AbstractBlock permits InvertedResidual, ResidualBlock {
    private final List<U> main = new ArrayList<>();

    /** Adds {@code unit} as the next child of the main chain. */
    final void addMain(String name, U unit) {
        main.add(addChildBlock(name, unit));
    }

    /**
     * The main chain, in order: for {@link ResidualBlock} its convolutions before the sum, for
     * {@link InvertedResidual} [expand,] depthwise, project.
     */
    public final List<U> main() {
        return List.copyOf(main);
    }

    /** The value added to the main chain's output, or {@code null} when the unit has no skip connection. */
    abstract NDArray skip(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params);

    /** Initializes children outside the main chain (a projection shortcut); none by default. */
    void initializeSkip(NDManager manager, DataType dataType, Shape[] inputShapes) {
    }

    /** Applied to the sum; identity by default. */
    NDArray afterSum(NDArray sum) {
        return sum;
    }

    @Override
    protected final NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                           PairList<String, Object> params) {
        NDList y = Chain.forward(main, store, inputs, training, params);
        NDArray s = skip(store, inputs, training, params);
        return s == null ? y : new NDList(afterSum(y.singletonOrThrow().add(s)));
    }

    @Override
    protected final void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Chain.initialize(main, manager, dataType, inputShapes);
        initializeSkip(manager, dataType, inputShapes);
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        return Chain.outputShapes(main, inputShapes);
    }
}
