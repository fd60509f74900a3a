package org.cxrstudio.core.pretrained;

import org.cxrstudio.core.pretrained.MobileNetV2Weights.Conv;
import org.cxrstudio.core.pretrained.MobileNetV2Weights.Kind;

/**
 * One TFLite CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED as a float {@link Conv}: dequantised,
 * and transposed from TFLite's [out, kh, kw, in] (depthwise [1, kh, kw, C]) to [out, in/groups, kh, kw].
 */
final class TfliteConvWeights {
    private TfliteConvWeights() {
    }

    static Conv convert(TfliteFile file, TfliteOperator op, int inChannels) throws PretrainedFormatException {
        TfliteOptions o = op.options();
        TfliteTensor wt = constant(file, op, 1);
        float[] w = file.dequantize(wt);
        int[] s = wt.shape();
        boolean fc = op.builtinCode() == TfliteOperator.FULLY_CONNECTED;
        if (fc) {
            if (s.length != 2 || s[1] != inChannels) {
                throw MobileNetV2Reader.fail(file, op + ": fully-connected weights " + wt + " for " + inChannels + " inputs");
            }
            s = new int[] {s[0], 1, 1, s[1]};
        }
        if (s.length != 4 || s[1] != s[2] || s[1] < 1 || s[1] % 2 == 0) {
            throw MobileNetV2Reader.fail(file, op + ": weights " + wt + " are not a square odd kernel");
        }
        if (!fc && (o.strideH() != o.strideW() || o.dilationH() != 1 || o.dilationW() != 1 || !o.samePadding())) {
            throw MobileNetV2Reader.fail(file, op + ": only square strides, no dilation and SAME padding are supported");
        }
        TfliteOptions.Activation act = o.activation();
        if (act != TfliteOptions.Activation.NONE && act != TfliteOptions.Activation.RELU6) {
            throw MobileNetV2Reader.fail(file, op + ": activation " + act + " (only none or ReLU6)");
        }
        int k = s[1];
        boolean depthwise = op.builtinCode() == TfliteOperator.DEPTHWISE_CONV_2D;
        int out = depthwise ? s[3] : s[0];
        if (depthwise ? s[0] != 1 || s[3] != inChannels : s[3] != inChannels) {
            throw MobileNetV2Reader.fail(file, op + ": weights " + wt + " do not take " + inChannels + " channels");
        }
        float[] bias = new float[out];
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            TfliteTensor bt = constant(file, op, 2);
            bias = file.dequantize(bt);
            if (bias.length != out) {
                throw MobileNetV2Reader.fail(file, op + ": " + bias.length + " biases for " + out + " channels");
            }
        }
        Kind kind = depthwise ? Kind.DEPTHWISE : k == 1 ? Kind.POINTWISE : Kind.FULL;
        float[] oihw = new float[w.length];
        int kk = k * k;
        for (int a = 0; a < s[0]; a++) {
            for (int y = 0; y < k; y++) {
                for (int x = 0; x < k; x++) {
                    for (int c = 0; c < s[3]; c++) {
                        float v = w[((a * k + y) * k + x) * s[3] + c];
                        int dst = depthwise ? c * kk + y * k + x : ((a * s[3] + c) * k + y) * k + x;
                        oihw[dst] = v;
                    }
                }
            }
        }
        return new Conv(kind, inChannels, out, k, fc ? 1 : o.strideH(), oihw, bias,
                act == TfliteOptions.Activation.RELU6, -1, false);
    }

    private static TfliteTensor constant(TfliteFile file, TfliteOperator op, int input) throws PretrainedFormatException {
        if (op.inputs().length <= input || op.inputs()[input] < 0) {
            throw MobileNetV2Reader.fail(file, op + ": missing input " + input);
        }
        TfliteTensor t = file.tensor(op.inputs()[input]);
        if (!file.hasData(t)) {
            throw MobileNetV2Reader.fail(file, op + ": " + t + " is not a constant in the file");
        }
        return t;
    }
}
