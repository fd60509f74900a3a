package org.cxrstudio.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import org.cxrstudio.core.inference.ModelCard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny CAM network for fast loop tests (conv-bn-relu ×2, 1×1 conv to a CAM, mean-pooled
 * logit). Its "export" writes the card and a marker file: the real exporter is tested by nn.
 */
final class TinyNetworks implements NetworkProvider {
    @Override
    public void check(String arch, int inputSize) {
        if (!"tiny".equals(arch)) {
            throw new IllegalArgumentException("unknown architecture '" + arch + "' (tiny)");
        }
    }

    @Override
    public Block build(String arch, int inputSize, double r0) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1)).setFilters(6).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1)).setFilters(6).build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build())
                .add(new LambdaBlock(l -> {
                    NDArray cam = l.singletonOrThrow();
                    return new NDList(cam.mean(new int[] {3}).mean(new int[] {2}), cam);
                }));
    }

    @Override
    public void export(Block block, String arch, int inputSize, double r0, ModelCard card, Path onnx) throws IOException {
        Files.createDirectories(onnx.toAbsolutePath().getParent());
        Files.writeString(onnx, "tiny test network, not ONNX");
        Files.writeString(onnx.resolveSibling("model.card.json"), card.toJson());
    }
}
