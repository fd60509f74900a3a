package org.cxrstudio.core.training;

import ai.djl.nn.Block;
import org.cxrstudio.core.inference.ModelCard;

import java.nio.file.Path;

/** TEMPORARY until core.training.nn lands: the presets and exporter of helper nn. */
final class NnNetworks implements NetworkProvider {
    @Override
    public void check(String arch, int inputSize) {
        // until nn lands, build() reports the problem
    }

    @Override
    public Block build(String arch, int inputSize) {
        throw new UnsupportedOperationException("core.training.nn has not landed yet");
    }

    @Override
    public void export(Block block, String arch, int inputSize, ModelCard card, Path onnx) {
        throw new UnsupportedOperationException("core.training.onnx has not landed yet");
    }
}
