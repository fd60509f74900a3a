package org.cxrstudio.core.pretrained;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The float weights of an ImageNet MobileNetV2 (width 1.0) read from a TFLite file, batch norm
 * already folded into each convolution: a 3x3/2 stem, 17 inverted-residual blocks (optional 1x1
 * expansion, 3x3 depthwise, 1x1 projection, residual add when shapes allow), a 1x1 head to 1280
 * channels, then global average pooling and the 1x1 {@code logits} convolution to 1001 classes
 * (class 0 = background, 1..1000 the ImageNet classes).
 *
 * <p>The network input is NCHW float RGB; a uint8 pixel p maps to {@code inputScale * (p - inputZeroPoint)},
 * roughly [-1, 1]. Padding is TensorFlow "SAME" (see {@link #samePadding}). Values are immutable by
 * convention: the arrays are shared, do not modify them. Thread-safe once built.
 *
 * <pre>{@code
 * MobileNetV2Weights w = MobileNetV2Weights.read(Path.of("../shared/pretrained/tf2_mobilenet_v2_1.0_224_ptq.tflite"));
 * for (MobileNetV2Weights.Conv c : w.convolutions()) { ... c.weights() is [out, in/groups, k, k] ... }
 * }</pre>
 *
 * @param source         the file name the weights came from
 * @param sourceSha256   lower-case hex SHA-256 of that file
 * @param convolutions   the 52 convolutions in network order (stem, blocks, head)
 * @param logits         the 1x1 classifier after global pooling, 1280 -> 1001, no activation
 * @param inputScale     real input per uint8 step (about 1/128)
 * @param inputZeroPoint uint8 value that means 0.0
 */
public record MobileNetV2Weights(String source, String sourceSha256, List<Conv> convolutions, Conv logits,
                                 double inputScale, double inputZeroPoint) {
    public static final int CONVOLUTIONS = 52;
    public static final int BLOCKS = 17;
    public static final int FEATURES = 1280;
    public static final int CLASSES = 1001;

    /** How a convolution mixes channels. */
    public enum Kind {
        /** Dense k x k convolution over all input channels (only the stem). */
        FULL,
        /** k x k per channel, {@code groups == channels}; weights [C, 1, k, k]. */
        DEPTHWISE,
        /** 1 x 1 dense; weights [out, in, 1, 1]. */
        POINTWISE
    }

    /**
     * One convolution with its folded bias.
     *
     * @param weights  float weights in ONNX/PyTorch layout [out, in / groups, kernel, kernel] (row-major)
     * @param bias     one value per output channel
     * @param relu6    followed by min(max(x, 0), 6); otherwise linear
     * @param block    inverted-residual block 0..16, or -1 for the stem, the head and the logits
     * @param residual true on a block's projection when the block's input is added to its output
     */
    public record Conv(Kind kind, int inChannels, int outChannels, int kernel, int stride, float[] weights,
                       float[] bias, boolean relu6, int block, boolean residual) {
        public Conv {
            long perOut = kind == Kind.DEPTHWISE ? (long) kernel * kernel : (long) inChannels * kernel * kernel;
            if (weights.length != outChannels * perOut || bias.length != outChannels
                    || (kind == Kind.DEPTHWISE && inChannels != outChannels)) {
                throw new IllegalArgumentException("weights/bias do not match a " + kind + " conv " + inChannels
                        + " -> " + outChannels + " k" + kernel);
            }
        }

        /** Groups in the ONNX sense: the channel count for a depthwise conv, otherwise 1. */
        public int groups() {
            return kind == Kind.DEPTHWISE ? inChannels : 1;
        }
    }

    public MobileNetV2Weights {
        convolutions = List.copyOf(convolutions);
    }

    /** Reads either shared MobileNetV2 TFLite file (uint8 per-tensor or int8 per-channel). */
    public static MobileNetV2Weights read(Path tflite) throws IOException {
        return from(TfliteFile.read(tflite));
    }

    /** Extracts the network from an already read file; fails if it is not MobileNetV2 1.0. */
    public static MobileNetV2Weights from(TfliteFile file) throws PretrainedFormatException {
        return MobileNetV2Reader.read(file);
    }

    public Conv stem() {
        return convolutions.get(0);
    }

    /**
     * The same network with a one-channel stem whose weights are the RGB weights summed: a grey
     * film x fed to it gives exactly what the RGB stem gives for (x, x, x).
     */
    public MobileNetV2Weights greyStem() {
        Conv s = stem();
        if (s.inChannels() == 1) {
            return this;
        }
        int kk = s.kernel() * s.kernel();
        float[] w = new float[s.outChannels() * kk];
        for (int o = 0; o < s.outChannels(); o++) {
            for (int c = 0; c < s.inChannels(); c++) {
                for (int k = 0; k < kk; k++) {
                    w[o * kk + k] += s.weights()[(o * s.inChannels() + c) * kk + k];
                }
            }
        }
        List<Conv> convs = new ArrayList<>(convolutions);
        convs.set(0, new Conv(s.kind(), 1, s.outChannels(), s.kernel(), s.stride(), w, s.bias(), s.relu6(), -1, false));
        return new MobileNetV2Weights(source, sourceSha256, convs, logits, inputScale, inputZeroPoint);
    }

    /**
     * TensorFlow "SAME" padding for one spatial axis: output {@code ceil(size / stride)}, the total
     * padding split with the extra pixel after (bottom/right).
     *
     * @return {before, after} in pixels
     */
    public static int[] samePadding(int size, int kernel, int stride) {
        int out = (size + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }

    /** Number of float weights and biases, logits included. */
    public long parameterCount() {
        long n = logits.weights().length + logits.bias().length;
        for (Conv c : convolutions) {
            n += c.weights().length + c.bias().length;
        }
        return n;
    }
}
