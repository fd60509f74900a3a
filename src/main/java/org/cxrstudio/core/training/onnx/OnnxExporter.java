package org.cxrstudio.core.training.onnx;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import com.google.gson.Gson;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.nn.ArchSpec;
import org.cxrstudio.core.training.nn.Architectures;
import org.cxrstudio.core.training.nn.ConvBn;
import org.cxrstudio.core.pretrained.MobileNetV2Weights;
import org.cxrstudio.core.training.nn.InvertedResidual;
import org.cxrstudio.core.training.nn.MaxPool;
import org.cxrstudio.core.training.nn.ResidualBlock;
import org.cxrstudio.core.training.nn.SameConv;
import org.cxrstudio.core.training.nn.TbNet;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.StringStringEntryProto;

import java.io.IOException;
import java.nio.file.Path;

import static org.cxrstudio.core.training.onnx.OnnxGraph.integer;
import static org.cxrstudio.core.training.onnx.OnnxGraph.ints;

/**
 * Writes a {@link TbNet} as an ONNX model (opset 13) for ONNX Runtime.
 *
 * <p>Graph contract: input {@value #INPUT} float {@code N×1×S×S} (N dynamic, S = spec input
 * size); outputs {@value ModelCard#DEFAULT_PROBABILITY_OUTPUT} {@code N×C} = sigmoid(LSE-LBA
 * logit) and {@value ModelCard#DEFAULT_CAM_OUTPUT} {@code N×C×h×w} = the score maps S
 * (pre-sigmoid logits per cell). Batch norms (and MobileNetV2's per-channel affines) are folded
 * into the preceding convolution (inference statistics); depthwise convolutions are grouped
 * Convs, TensorFlow SAME padding becomes explicit (possibly asymmetric) pads, ReLU6 is Clip; LSE-LBA is expressed with ReduceMax, Sub, Mul, Exp, ReduceMean, Log,
 * Div, Add, with r = r0 + exp(β) baked in as a constant. The {@link ArchSpec} is stored in
 * {@code metadata_props} under {@value #ARCH_KEY}; the card as described in {@link OnnxFiles}.
 */
public final class OnnxExporter {
    public static final String INPUT = "input";
    public static final String ARCH_KEY = "cxr_studio_arch";

    private OnnxExporter() {
    }

    /**
     * @param block an initialised network from {@link Architectures#build(ArchSpec)}
     * @return the card as written to the sidecar (with SHA-256)
     * @throws IllegalArgumentException if the block is not a {@link TbNet} of this spec, or the
     *                                  card's input size differs from the spec's
     */
    public static ModelCard export(Block block, ArchSpec spec, ModelCard card, Path out) throws IOException {
        if (!(block instanceof TbNet net) || !net.spec().equals(spec)) {
            throw new IllegalArgumentException("export needs the TbNet built from " + spec.name());
        }
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("export needs an initialised network");
        }
        if (card.preprocessing().inputSize() != spec.inputSize()) {
            throw new IllegalArgumentException("card input size " + card.preprocessing().inputSize()
                    + " differs from the architecture's " + spec.inputSize());
        }
        return OnnxFiles.write(toModel(net), card, out);
    }

    /**
     * Exports a freshly initialised (untrained) network, seeded: a real ONNX file for tests and
     * for wiring the application before a trained model exists.
     */
    public static ModelCard exportRandom(ArchSpec spec, ModelCard card, Path out, long seed) throws IOException {
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed((int) seed);
            TbNet net = Architectures.build(spec);
            net.initialize(manager, DataType.FLOAT32, Architectures.inputShape(spec, 1));
            return export(net, spec, card, out);
        }
    }

    /** The ONNX model of an initialised network, without card. */
    static ModelProto.Builder toModel(TbNet net) {
        ArchSpec spec = net.spec();
        OnnxGraph g = new OnnxGraph(GraphProto.newBuilder().setName("cxr_" + spec.name().replace('-', '_')), "");
        String x = INPUT;
        Shape shape = Architectures.inputShape(spec, 1); // spatial size, for SAME padding
        for (Block b : net.features()) {
            if (b instanceof SameConv sc) {
                x = sameConv(g, sc, x, shape);
            } else if (b instanceof InvertedResidual ir) {
                String y = x;
                Shape s = shape;
                for (SameConv unit : ir.main()) {
                    y = sameConv(g, unit, y, s);
                    s = unit.getOutputShapes(new Shape[] {s})[0];
                }
                x = ir.residual() ? g.op("Add", new String[] {y, x}) : y;
            } else if (b instanceof ConvBn cb) {
                x = convBn(g, cb, x);
            } else if (b instanceof MaxPool mp) {
                x = g.op("MaxPool", new String[] {x}, ints("kernel_shape", mp.kernel(), mp.kernel()),
                        ints("strides", mp.stride(), mp.stride()),
                        ints("pads", mp.padding(), mp.padding(), mp.padding(), mp.padding()));
            } else if (b instanceof ResidualBlock rb) {
                String y = x;
                for (ConvBn unit : rb.main()) {
                    y = convBn(g, unit, y);
                }
                String s = rb.shortcut() == null ? x : convBn(g, rb.shortcut(), x);
                x = g.op("Relu", new String[] {g.op("Add", new String[] {y, s})});
            } else {
                throw new IllegalArgumentException("cannot export layer " + b.getClass().getSimpleName());
            }
            shape = b.getOutputShapes(new Shape[] {shape})[0];
        }
        String cam = ModelCard.DEFAULT_CAM_OUTPUT;
        Conv2d head = net.head();
        int c = spec.numClasses();
        float[] hw = param(head, Parameter.Type.WEIGHT);
        float[] hb = param(head, Parameter.Type.BIAS);
        g.opTo(cam, "Conv", new String[] {x, g.floats("head_w", hw, c, hw.length / c, 1, 1), g.floats("head_b", hb, c)},
                ints("kernel_shape", 1, 1));
        String logits4 = lseLba(g, cam, net.pooling().sharpness());
        String logits = g.op("Flatten", new String[] {logits4}, integer("axis", 1));
        g.opTo(ModelCard.DEFAULT_PROBABILITY_OUTPUT, "Sigmoid", new String[] {logits});

        int h = spec.camSize();
        g.proto().addInput(OnnxGraph.floatValue(INPUT, 1, spec.inputSize(), spec.inputSize()));
        g.proto().addOutput(OnnxGraph.floatValue(ModelCard.DEFAULT_PROBABILITY_OUTPUT, c));
        g.proto().addOutput(OnnxGraph.floatValue(cam, c, h, h));
        return g.model("cxr-studio")
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey(ARCH_KEY).setValue(new Gson().toJson(spec)));
    }

    /** Stable LSE-LBA of {@code s} (N×C×h×w) with fixed per-class r; returns N×C×1×1. */
    static String lseLba(OnnxGraph g, String s, float[] r) {
        String rc = g.floats("lse_r", r, 1, r.length, 1, 1);
        String m = g.op("ReduceMax", new String[] {s}, ints("axes", 2, 3), integer("keepdims", 1));
        String scaled = g.op("Mul", new String[] {g.op("Sub", new String[] {s, m}), rc});
        String mean = g.op("ReduceMean", new String[] {g.op("Exp", new String[] {scaled})},
                ints("axes", 2, 3), integer("keepdims", 1));
        String q = g.op("Div", new String[] {g.op("Log", new String[] {mean}), rc});
        return g.op("Add", new String[] {q, m});
    }

    /** Conv with the batch norm folded in: W' = W·γ/√(σ²+ε), b' = β − μ·γ/√(σ²+ε). */
    private static String convBn(OnnxGraph g, ConvBn cb, String x) {
        float[] w = param(cb.conv(), Parameter.Type.WEIGHT);
        float[] gamma = param(cb.bn(), Parameter.Type.GAMMA);
        float[] beta = param(cb.bn(), Parameter.Type.BETA);
        float[] mean = param(cb.bn(), Parameter.Type.RUNNING_MEAN);
        float[] var = param(cb.bn(), Parameter.Type.RUNNING_VAR);
        int out = cb.filters();
        int per = w.length / out;
        float[] fw = new float[w.length];
        float[] fb = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = gamma[o] / Math.sqrt((double) var[o] + ConvBn.BN_EPSILON);
            for (int i = 0; i < per; i++) {
                fw[o * per + i] = (float) (w[o * per + i] * scale);
            }
            fb[o] = (float) (beta[o] - mean[o] * scale);
        }
        int k = cb.kernel();
        int p = cb.padding();
        String conv = g.op("Conv", new String[] {x, g.floats("w", fw, out, per / (k * k), k, k), g.floats("b", fb, out)},
                ints("kernel_shape", k, k), ints("strides", cb.stride(), cb.stride()), ints("pads", p, p, p, p));
        return cb.relu() ? g.op("Relu", new String[] {conv}) : conv;
    }

    /**
     * Conv (grouped for depthwise) with the affine folded in (W' = W·scale, b' = shift), TensorFlow
     * SAME padding as explicit, possibly asymmetric {@code pads} for the input {@code in}, and
     * ReLU6 as {@code Clip(0, 6)}.
     */
    private static String sameConv(OnnxGraph g, SameConv sc, String x, Shape in) {
        float[] w = param(sc.conv(), Parameter.Type.WEIGHT);
        float[] scale = sc.scale().getArray().toFloatArray();
        float[] shift = sc.shift().getArray().toFloatArray();
        int out = sc.filters();
        int per = w.length / out;
        float[] fw = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < per; i++) {
                fw[o * per + i] = w[o * per + i] * scale[o];
            }
        }
        int k = sc.kernel();
        int[] ph = MobileNetV2Weights.samePadding(Math.toIntExact(in.get(2)), k, sc.stride());
        int[] pw = MobileNetV2Weights.samePadding(Math.toIntExact(in.get(3)), k, sc.stride());
        String conv = g.op("Conv", new String[] {x, g.floats("w", fw, out, per / (k * k), k, k), g.floats("b", shift, out)},
                ints("kernel_shape", k, k), ints("strides", sc.stride(), sc.stride()),
                ints("pads", ph[0], pw[0], ph[1], pw[1]), integer("group", sc.groups()));
        if (!sc.relu6()) {
            return conv;
        }
        return g.op("Clip", new String[] {conv, g.floats("zero", new float[] {0f}), g.floats("six", new float[] {SameConv.RELU6_MAX})});
    }

    private static float[] param(Block b, Parameter.Type type) {
        for (Parameter p : b.getDirectParameters().values()) {
            if (p.getType() == type) {
                return p.getArray().toFloatArray();
            }
        }
        throw new IllegalStateException(b.getClass().getSimpleName() + " has no " + type + " parameter");
    }
}
