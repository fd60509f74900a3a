package org.cxrstudio.core.training;

import ai.djl.nn.Block;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.nn.Architectures;
import org.cxrstudio.core.training.onnx.OnnxExporter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The product's networks: the {@code core.training.nn} presets (students, ResNets with the
 * LSE-LBA saliency head) and the {@code core.training.onnx} exporter.
 */
final class NnNetworks implements NetworkProvider {
    @Override
    public void check(String arch, int inputSize) {
        Architectures.preset(arch, inputSize);
    }

    @Override
    public Block build(String arch, int inputSize, double r0) {
        return Architectures.build(Architectures.preset(arch, inputSize).withR0(r0));
    }

    @Override
    public void export(Block block, String arch, int inputSize, double r0, ModelCard card, Path onnx) throws IOException {
        OnnxExporter.export(block, Architectures.preset(arch, inputSize).withR0(r0), card, onnx);
    }
}
