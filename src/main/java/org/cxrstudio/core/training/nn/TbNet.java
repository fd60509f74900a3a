package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A CXR Studio network: feature layers ({@link ConvBn}, {@link MaxPool}, {@link ResidualBlock}),
 * a 1×1 convolution (with bias) to per-class score maps S, and {@link LseLbaPooling}.
 * Forward on {@code N×1×S×S} returns {@code NDList[logits N×C (pre-sigmoid), cam N×C×h×w (= S)]}.
 * Built by {@link Architectures#build(ArchSpec)}; not thread-safe (like every DJL block).
 */
public final class TbNet extends AbstractBlock {
    private final ArchSpec spec;
    private final List<Block> features = new ArrayList<>();
    private final Conv2d head;
    private final LseLbaPooling pooling;

    TbNet(ArchSpec spec, List<Block> layers) {
        this.spec = spec;
        for (int i = 0; i < layers.size(); i++) {
            features.add(addChildBlock(String.format("f%02d", i), layers.get(i)));
        }
        this.head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1))
                .setFilters(spec.numClasses()).optBias(true).build());
        this.pooling = addChildBlock("lselba", new LseLbaPooling(spec.numClasses(), spec.r0()));
    }

    public ArchSpec spec() {
        return spec;
    }

    /** Feature layers in forward order. */
    public List<Block> features() {
        return List.copyOf(features);
    }

    /** The 1×1 score-map convolution. */
    public Conv2d head() {
        return head;
    }

    public LseLbaPooling pooling() {
        return pooling;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList x = Chain.forward(features, store, inputs, training, params);
        NDArray cam = head.forward(store, x, training, params).singletonOrThrow();
        NDArray logits = pooling.forward(store, new NDList(cam), training, params).singletonOrThrow();
        return new NDList(logits, cam);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = Chain.initialize(features, manager, dataType, inputShapes);
        head.initialize(manager, dataType, s);
        pooling.initialize(manager, dataType, head.getOutputShapes(s));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] cam = head.getOutputShapes(Chain.outputShapes(features, inputShapes));
        return new Shape[] {new Shape(cam[0].get(0), spec.numClasses()), cam[0]};
    }
}
