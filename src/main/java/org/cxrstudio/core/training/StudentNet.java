package org.cxrstudio.core.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The network being trained, on the PyTorch engine: the block, its parameters' manager and the
 * parameter store, with an inference helper. Initialisation is seeded. Not thread-safe.
 */
final class StudentNet implements AutoCloseable {
    static final String ENGINE = "PyTorch";

    private final Block block;
    private final NDManager manager;
    private ParameterStore store;
    private final int inputSize;
    private final int camWidth;
    private final int camHeight;

    StudentNet(NetworkProvider provider, String arch, int inputSize, double r0, long seed) {
        Engine engine = Engine.getEngine(ENGINE);
        engine.setRandomSeed((int) seed);
        this.manager = engine.newBaseManager();
        this.block = provider.build(arch, inputSize, r0);
        this.inputSize = inputSize;
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, inputSize, inputSize));
        this.store = new ParameterStore(manager, false);
        try (NDManager sub = manager.newSubManager()) {
            NDList out = forward(new NDList(sub.zeros(new Shape(2, 1, inputSize, inputSize))), false);
            if (out.size() < 2 || out.get(1).getShape().dimension() != 4) {
                throw new IllegalStateException("architecture " + arch + " does not return [logits, cam]");
            }
            Shape cam = out.get(1).getShape();
            camHeight = (int) cam.get(2);
            camWidth = (int) cam.get(3);
        }
    }

    Block block() {
        return block;
    }

    NDManager manager() {
        return manager;
    }

    int inputSize() {
        return inputSize;
    }

    int camWidth() {
        return camWidth;
    }

    int camHeight() {
        return camHeight;
    }

    /** Parameters that receive gradients, in the block's fixed order. */
    List<Parameter> trainable() {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    /**
     * The block's forward pass through the current parameter store (replaced when parameters are
     * loaded, so callers never hold one).
     *
     * @param training batch norm in training mode (batch statistics), else evaluation mode
     * @return {@code [logits N×1, cam N×1×camHeight×camWidth]}
     */
    NDList forward(NDList images, boolean training) {
        return block.forward(store, images, training);
    }

    /**
     * Inference (batch norm in evaluation mode) on {@code n} normalised images.
     *
     * @return probabilities {@code [n]} and raw CAMs {@code [n][camHeight·camWidth]}
     */
    Predictions predict(float[] x, int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray in = sub.create(x, new Shape(n, 1, inputSize, inputSize));
            NDList out = forward(new NDList(in), false);
            float[] logits = out.get(0).toFloatArray();
            float[] cam = out.get(1).toFloatArray();
            float[] prob = new float[n];
            float[][] cams = new float[n][camWidth * camHeight];
            for (int i = 0; i < n; i++) {
                prob[i] = (float) (1 / (1 + Math.exp(-logits[i])));
                System.arraycopy(cam, i * camWidth * camHeight, cams[i], 0, camWidth * camHeight);
            }
            return new Predictions(prob, logits, cams);
        }
    }

    /**
     * @param probability sigmoid of the logits
     * @param logits      pre-sigmoid scores
     * @param cams        raw CAM per image, logit units
     */
    record Predictions(float[] probability, float[] logits, float[][] cams) { }

    void saveParameters(DataOutputStream out) throws IOException {
        block.saveParameters(out);
    }

    void loadParameters(DataInputStream in) throws IOException {
        try {
            block.loadParameters(manager, in);
            for (Parameter p : trainable()) {
                p.getArray().setRequiresGradient(true); // loaded arrays come without gradient buffers
            }
            store = new ParameterStore(manager, false); // the old store caches the replaced arrays
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("checkpoint does not fit the network: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
