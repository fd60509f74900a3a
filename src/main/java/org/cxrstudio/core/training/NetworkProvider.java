package org.cxrstudio.core.training;

import ai.djl.nn.Block;
import org.cxrstudio.core.inference.ModelCard;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the trainer gets its networks and how it exports them. The product uses
 * {@link NnNetworks} (the {@code core.training.nn} presets and the {@code core.training.onnx}
 * exporter); tests may pass a tiny network to keep the loop fast.
 */
interface NetworkProvider {

    /**
     * Checks cheaply that {@code arch} at {@code inputSize} can be built, before any data work.
     *
     * @throws IllegalArgumentException naming the problem (unknown preset, unsupported size)
     */
    void check(String arch, int inputSize);

    /**
     * An uninitialised block whose forward on {@code N×1×S×S} returns
     * {@code [logits N×1 (pre-sigmoid), cam N×1×h×w]}.
     *
     * @param r0 LSE-LBA lower bound of the pooling sharpness (networks without LSE-LBA ignore it)
     * @throws IllegalArgumentException for an unknown architecture name
     */
    Block build(String arch, int inputSize, double r0);

    /**
     * Writes {@code onnx} (outputs {@code probability}, {@code cam}) and its sidecar card, atomically.
     *
     * @param r0 the value {@code block} was built with
     */
    void export(Block block, String arch, int inputSize, double r0, ModelCard card, Path onnx) throws IOException;
}
