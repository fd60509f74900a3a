package org.cxrstudio.core.training;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.cxrstudio.core.pretrained.MobileNetV2Weights;
import org.cxrstudio.core.training.nn.Architectures;
import org.cxrstudio.core.training.nn.InvertedResidual;
import org.cxrstudio.core.training.nn.MobileNetV2;
import org.cxrstudio.core.training.nn.SameConv;
import org.cxrstudio.core.training.nn.TbNet;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a {@code mobilenetv2} network from ImageNet weights ({@code --init FILE}, a MobileNetV2
 * 1.0 TFLite file such as {@code ../shared/pretrained/tf2_mobilenet_v2_1.0_224_ptq.tflite}), or a
 * reduced {@code mobilenetv2-sK} from the same file: its stem and blocks are the file's first ones,
 * and only its last 1×1 conv (which the file does not have at that width) keeps its random start.
 *
 * <p>The file's batch norms are folded into its convolutions, so each {@link SameConv} gets the
 * dequantised weights as stored, scale 1 and shift = the folded bias; the network has no batch
 * statistics to disturb (batch norm in training mode did not learn from this start). The RGB stem
 * is summed over its three input channels, so a grey film enters as one channel exactly as
 * (x, x, x) would, and halved ({@value #STEM_INPUT_SCALE}): the weights expect pixels in [−1, 1],
 * the project's normalisations put a film at about ±2 ({@code fixed} is exactly
 * {@code 2 × (v/127.5 − 1)}; the per-image z-score is close to it). The CAM head and LSE-LBA β
 * keep their random start. Static helpers; the block is changed in place, on the caller's thread.
 */
final class ImageNetInit {
    /** Factor on the summed stem weights, mapping the project's input range onto the weights' [−1, 1]. */
    static final float STEM_INPUT_SCALE = 0.5f;
    /** How the weights were applied, for the model card. */
    static final String RECIPE = "ImageNet MobileNetV2 1.0 from TFLite (dequantised, batch norm folded): conv weights "
            + "as stored, per-channel scale 1 and shift = folded bias (no batch statistics); stem summed over RGB and "
            + "halved (input ~[-2, 2] -> the weights' [-1, 1]); CAM head and LSE-LBA beta random (a cut mobilenetv2-sK: its last 1x1 conv too)";

    private ImageNetInit() {
    }

    /**
     * @throws IllegalArgumentException unless {@code arch} is the width-1.0 {@code mobilenetv2} or a
     *         cut {@code mobilenetv2-sK}
     */
    static void checkArch(String arch, int inputSize) {
        if (!MobileNetV2.takesImageNetWeights(Architectures.preset(arch, inputSize).name())) {
            throw new IllegalArgumentException("--init loads ImageNet MobileNetV2 (width 1.0) weights: it needs --arch "
                    + MobileNetV2.PREFIX + " or " + MobileNetV2.PREFIX + "-sK, got " + arch);
        }
    }

    /** Reads and checks the file; the message names it when it is missing or not MobileNetV2 1.0. */
    static MobileNetV2Weights read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("--init " + file + ": no such file");
        }
        try {
            return MobileNetV2Weights.read(file);
        } catch (IOException e) {
            throw new IOException("--init " + file + ": not ImageNet MobileNetV2 1.0 TFLite weights (" + e.getMessage() + ")", e);
        }
    }

    /** The network's convolutions in the order of the file: stem, per block [expand,] depthwise, project, last. */
    static List<SameConv> convolutions(Block block) {
        if (!(block instanceof TbNet net)) {
            throw new IllegalArgumentException("--init needs a " + MobileNetV2.PREFIX + " network, got "
                    + block.getClass().getSimpleName());
        }
        List<SameConv> out = new ArrayList<>();
        for (Block b : net.features()) {
            if (b instanceof SameConv sc) {
                out.add(sc);
            } else if (b instanceof InvertedResidual ir) {
                out.addAll(ir.main());
            } else {
                throw new IllegalArgumentException("--init needs a " + MobileNetV2.PREFIX + " network, found a "
                        + b.getClass().getSimpleName());
            }
        }
        return out;
    }

    /**
     * Copies the weights into an initialised network: every convolution of the full network, or all
     * but the last of a cut one.
     *
     * @return how many convolutions were copied
     * @throws IllegalArgumentException when a convolution's shape differs from the file's
     */
    static int apply(MobileNetV2Weights weights, Block block) {
        MobileNetV2Weights w = weights.greyStem();
        List<SameConv> convs = convolutions(block);
        int copied = convs.size() == w.convolutions().size() ? convs.size() : convs.size() - 1;
        if (convs.size() > w.convolutions().size()) {
            throw new IllegalArgumentException("--init has " + w.convolutions().size() + " convolutions, the network "
                    + convs.size());
        }
        for (int i = 0; i < copied; i++) {
            SameConv sc = convs.get(i);
            MobileNetV2Weights.Conv tc = w.convolutions().get(i);
            Parameter weight = sc.conv().getParameters().get("weight");
            if (sc.filters() != tc.outChannels() || sc.kernel() != tc.kernel() || sc.stride() != tc.stride()
                    || sc.groups() != tc.groups() || sc.relu6() != tc.relu6()
                    || weight.getArray().size() != tc.weights().length) {
                throw new IllegalArgumentException("--init convolution " + i + " (" + tc.kind() + " " + tc.inChannels()
                        + "->" + tc.outChannels() + " k" + tc.kernel() + "/" + tc.stride() + ") does not fit " + sc);
            }
            float[] v = tc.weights();
            if (i == 0) {
                v = v.clone();
                for (int j = 0; j < v.length; j++) {
                    v[j] *= STEM_INPUT_SCALE;
                }
            }
            weight.getArray().set(FloatBuffer.wrap(v));
            float[] ones = new float[sc.filters()];
            Arrays.fill(ones, 1f);
            sc.scale().getArray().set(FloatBuffer.wrap(ones));
            sc.shift().getArray().set(FloatBuffer.wrap(tc.bias()));
        }
        return copied;
    }
}
