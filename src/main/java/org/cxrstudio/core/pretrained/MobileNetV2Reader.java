package org.cxrstudio.core.pretrained;

import org.cxrstudio.core.pretrained.MobileNetV2Weights.Conv;
import org.cxrstudio.core.pretrained.MobileNetV2Weights.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the operators of a TFLite MobileNetV2 and checks it is the plain chain the float network
 * assumes: (quantize) conv ... [add] ... conv, global pool, logits conv, then reshape/softmax.
 * Quantize and dequantize ops are treated as identity.
 */
final class MobileNetV2Reader {
    private final TfliteFile file;
    private final Map<Integer, Integer> alias = new HashMap<>();
    private final List<Conv> convs = new ArrayList<>();
    private int current;
    private int blockInput = -1;
    private boolean pooled;
    private Conv logits;

    private MobileNetV2Reader(TfliteFile file) {
        this.file = file;
    }

    static MobileNetV2Weights read(TfliteFile file) throws PretrainedFormatException {
        int[] in = file.inputs();
        if (in.length != 1) {
            throw fail(file, "expected one input, found " + in.length);
        }
        TfliteTensor input = file.tensor(in[0]);
        int[] s = input.shape();
        if (s.length != 4 || s[3] != 3) {
            throw fail(file, "input is not an NHWC RGB image: " + input);
        }
        double scale = input.scale().length == 1 ? input.scale()[0] : 1.0;
        double zero = input.zeroPoint().length == 1 ? input.zeroPoint()[0] : 0.0;
        if (input.type() == TfliteTensor.ElementType.FLOAT32) {
            scale = 1 / 127.5;
            zero = 127.5;
        }
        MobileNetV2Reader r = new MobileNetV2Reader(file);
        r.current = in[0];
        for (TfliteOperator op : file.operators()) {
            r.step(op);
        }
        if (r.logits == null) {
            throw fail(file, "no 1001-class logits convolution after the global pooling");
        }
        return new MobileNetV2Weights(file.source(), file.sha256(), r.numbered(), r.logits, scale, zero);
    }

    private int root(int tensor) {
        Integer a = alias.get(tensor);
        return a == null ? tensor : a;
    }

    private void step(TfliteOperator op) throws PretrainedFormatException {
        int code = op.builtinCode();
        if (logits != null) {
            if (code != TfliteOperator.RESHAPE && code != TfliteOperator.SOFTMAX && code != TfliteOperator.SQUEEZE
                    && code != TfliteOperator.QUANTIZE && code != TfliteOperator.DEQUANTIZE) {
                throw fail(file, op + ": unexpected after the logits");
            }
            return;
        }
        switch (code) {
            case TfliteOperator.QUANTIZE, TfliteOperator.DEQUANTIZE -> alias.put(out(op), root(in(op, 0)));
            case TfliteOperator.CONV_2D, TfliteOperator.DEPTHWISE_CONV_2D, TfliteOperator.FULLY_CONNECTED -> conv(op);
            case TfliteOperator.ADD -> add(op);
            case TfliteOperator.AVERAGE_POOL_2D, TfliteOperator.MEAN -> pool(op);
            default -> throw fail(file, op + ": not part of a MobileNetV2 feature extractor");
        }
    }

    private int in(TfliteOperator op, int i) throws PretrainedFormatException {
        if (op.inputs().length <= i || op.inputs()[i] < 0) {
            throw fail(file, op + ": missing input " + i);
        }
        return op.inputs()[i];
    }

    private int out(TfliteOperator op) throws PretrainedFormatException {
        if (op.outputs().length != 1) {
            throw fail(file, op + ": expected one output");
        }
        return op.outputs()[0];
    }

    private void chained(TfliteOperator op) throws PretrainedFormatException {
        if (root(in(op, 0)) != current) {
            throw fail(file, op + ": input is not the previous layer's output (not a plain MobileNetV2 chain)");
        }
    }

    private void conv(TfliteOperator op) throws PretrainedFormatException {
        chained(op);
        Conv c = TfliteConvWeights.convert(file, op, lastChannels());
        if (pooled) {
            if (c.outChannels() != MobileNetV2Weights.CLASSES || c.kernel() != 1 || c.relu6()) {
                throw fail(file, op + ": expected a linear 1x1 logits conv to " + MobileNetV2Weights.CLASSES);
            }
            logits = c;
        } else {
            if (convs.size() == 1 || (convs.size() > 1 && !convs.get(convs.size() - 1).relu6())) {
                blockInput = current; // the previous layer closed the stem or a block
            }
            convs.add(c);
        }
        current = out(op);
    }

    private int lastChannels() throws PretrainedFormatException {
        if (convs.isEmpty()) {
            return 3;
        }
        return convs.get(convs.size() - 1).outChannels();
    }

    private void add(TfliteOperator op) throws PretrainedFormatException {
        int a = root(in(op, 0));
        int b = root(in(op, 1));
        Conv last = convs.isEmpty() ? null : convs.get(convs.size() - 1);
        boolean ok = last != null && !last.relu6() && last.kind() == Kind.POINTWISE
                && ((a == current && b == blockInput) || (b == current && a == blockInput))
                && last.outChannels() == channelsAt(blockInput);
        if (!ok || op.options().activation() != TfliteOptions.Activation.NONE) {
            throw fail(file, op + ": not a residual add of a block's input and its projection");
        }
        convs.set(convs.size() - 1, new Conv(last.kind(), last.inChannels(), last.outChannels(), last.kernel(),
                last.stride(), last.weights(), last.bias(), false, last.block(), true));
        current = out(op);
    }

    private int channelsAt(int tensor) throws PretrainedFormatException {
        int[] s = file.tensor(tensor).shape();
        return s.length == 4 ? s[3] : -1;
    }

    private void pool(TfliteOperator op) throws PretrainedFormatException {
        chained(op);
        if (pooled || convs.size() != MobileNetV2Weights.CONVOLUTIONS) {
            throw fail(file, op + ": global pooling after " + convs.size() + " convolutions, expected "
                    + MobileNetV2Weights.CONVOLUTIONS);
        }
        pooled = true;
        current = out(op);
    }

    /** Numbers the blocks (each ends at a linear projection) and checks the MobileNetV2 1.0 outline. */
    private List<Conv> numbered() throws PretrainedFormatException {
        List<Conv> out = new ArrayList<>(convs);
        int block = -1;
        int start = 1;
        for (int i = 1; i < out.size() - 1; i++) {
            Conv c = out.get(i);
            if (c.relu6()) {
                continue;
            }
            block++;
            boolean expand = i - start == 2;
            boolean shapeOk = c.kind() == Kind.POINTWISE && (i - start == 1 || expand)
                    && out.get(i - 1).kind() == Kind.DEPTHWISE && (!expand || out.get(start).kind() == Kind.POINTWISE);
            if (!shapeOk) {
                throw fail(file, "convolutions " + start + ".." + i + " are not an inverted-residual block");
            }
            for (int j = start; j <= i; j++) {
                Conv d = out.get(j);
                out.set(j, new Conv(d.kind(), d.inChannels(), d.outChannels(), d.kernel(), d.stride(), d.weights(),
                        d.bias(), d.relu6(), block, d.residual()));
            }
            start = i + 1;
        }
        Conv stem = out.get(0);
        Conv head = out.get(out.size() - 1);
        if (stem.kind() != Kind.FULL || stem.kernel() != 3 || stem.stride() != 2 || block != MobileNetV2Weights.BLOCKS - 1
                || start != out.size() - 1 || head.kind() != Kind.POINTWISE || !head.relu6()
                || head.outChannels() != MobileNetV2Weights.FEATURES || logits.inChannels() != MobileNetV2Weights.FEATURES) {
            throw fail(file, "not MobileNetV2 1.0 (stem " + stem.kind() + " k" + stem.kernel() + "/" + stem.stride()
                    + ", " + (block + 1) + " blocks, head " + head.outChannels() + " channels)");
        }
        return out;
    }

    static PretrainedFormatException fail(TfliteFile file, String problem) {
        return new PretrainedFormatException(file.source() + ": " + problem);
    }
}
