package org.cxrstudio.core.gatebuild;

import java.util.List;
import org.cxrstudio.core.pretrained.MobileNetV2Weights;
import org.cxrstudio.core.training.onnx.OnnxGraph;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.StringStringEntryProto;

/**
 * The gate graph: gray input {@code image[N,1,S,S]} in {@code 0..255} → MobileNetV2 input
 * scaling → the float MobileNetV2 with a one-channel stem (RGB stem weights summed, so a gray
 * film gives what (x,x,x) gives) → global average pool → L2-normalised {@code features[N,1280]};
 * with a bank, also cosine similarity to every bank film (MatMul with the float16 bank), the
 * {@code k} largest (TopK), and {@code distance[N] = 1 - mean}.
 */
final class GateGraph {
    static final String INPUT = "image";
    static final String FEATURES = "features";
    static final String DISTANCE = "distance";
    static final String CROP_DISTANCE = "crop_distance";

    private GateGraph() { }

    /**
     * @param bank unit-length bank features, row-major {@code [bankSize, 1280]}, or {@code null}
     *             for the features-only graph used while building
     */
    static ModelProto build(MobileNetV2Weights weights, int size, float[] bank, int bankSize, int k, String cardJson) {
        return build(weights, size, bank, bankSize, null, 0, k, cardJson);
    }

    /**
     * As {@link #build(MobileNetV2Weights, int, float[], int, int, String)}, with a second bank of
     * features of parts of chest films (crops) whose distance is output as {@value #CROP_DISTANCE}.
     */
    static ModelProto build(MobileNetV2Weights weights, int size, float[] bank, int bankSize, float[] cropBank,
                            int cropBankSize, int k, String cardJson) {
        MobileNetV2Weights w = weights.greyStem();
        OnnxGraph g = new OnnxGraph();
        String pooled = pooledNetwork(g, "cxr-studio-gate", w, 1, size);
        String flat = g.op("Flatten", new String[] {pooled}, OnnxGraph.integer("axis", 1));
        String norm = g.op("ReduceL2", new String[] {flat}, OnnxGraph.ints("axes", 1), OnnxGraph.integer("keepdims", 1));
        norm = g.op("Max", new String[] {norm, g.floats("eps", new float[] {1e-6f})});
        g.opTo(FEATURES, "Div", new String[] {flat, norm});
        g.proto().addOutput(OnnxGraph.floatValue(FEATURES, MobileNetV2Weights.FEATURES));
        if (bank != null) {
            knnHead(g, bank, bankSize, k, "bank", DISTANCE);
        }
        if (cropBank != null) {
            knnHead(g, cropBank, cropBankSize, k, "crop_bank", CROP_DISTANCE);
        }
        ModelProto.Builder m = g.model("cxr-studio build-gate");
        if (cardJson != null) {
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey("cxr.gate.card").setValue(cardJson));
        }
        return m.build();
    }

    /** {@code output = 1 - mean of the k largest cosines} of the features with a float16 bank. */
    private static void knnHead(OnnxGraph g, float[] bank, int bankSize, int k, String hint, String output) {
        int d = MobileNetV2Weights.FEATURES;
        float[] transposed = new float[bank.length];
        for (int i = 0; i < bankSize; i++) {
            for (int j = 0; j < d; j++) {
                transposed[j * bankSize + i] = bank[i * d + j];
            }
        }
        String b16 = g.halves(hint, transposed, d, bankSize);
        String b = g.op("Cast", new String[] {b16}, OnnxGraph.integer("to", 1));
        String sims = g.op("MatMul", new String[] {FEATURES, b});
        String topValues = g.fresh("top_values");
        String topIndices = g.fresh("top_indices");
        g.proto().addNode(org.cxrstudio.core.training.onnx.proto.Onnx.NodeProto.newBuilder().setName(g.fresh("topk"))
                .setOpType("TopK").addInput(sims).addInput(g.longs("k", k)).addOutput(topValues)
                .addOutput(topIndices).addAttribute(OnnxGraph.integer("axis", 1))
                .addAttribute(OnnxGraph.integer("largest", 1)));
        String mean = g.op("ReduceMean", new String[] {topValues}, OnnxGraph.ints("axes", 1),
                OnnxGraph.integer("keepdims", 0));
        g.opTo(output, "Sub", new String[] {g.floats("one", new float[] {1f}), mean});
        g.proto().addOutput(OnnxGraph.floatValue(output));
    }

    /**
     * The plain ImageNet classifier ({@code image[N,3,S,S]} RGB {@code 0..255} → {@code probabilities[N,1001]}),
     * built from the same network code as the gate, to check that code against the TFLite
     * interpreter's reference probabilities.
     */
    static ModelProto classifier(MobileNetV2Weights w, int size) {
        OnnxGraph g = new OnnxGraph();
        String pooled = pooledNetwork(g, "mobilenet-v2-check", w, 3, size);
        MobileNetV2Weights.Conv l = w.logits();
        String logits = g.op("Conv", new String[] {pooled, g.floats("lw", l.weights(), l.outChannels(), l.inChannels(), 1, 1),
            g.floats("lb", l.bias(), l.outChannels())}, OnnxGraph.ints("kernel_shape", 1, 1));
        String flat = g.op("Flatten", new String[] {logits}, OnnxGraph.integer("axis", 1));
        g.opTo("probabilities", "Softmax", new String[] {flat}, OnnxGraph.integer("axis", 1));
        g.proto().addOutput(OnnxGraph.floatValue("probabilities", MobileNetV2Weights.CLASSES));
        return g.model(null).build();
    }

    /**
     * What the gate and the classifier share: the graph's {@value #INPUT} input
     * ({@code [N,channels,size,size]}, {@code 0..255}), MobileNetV2 input scaling, the network and
     * the global average pool.
     *
     * @return the name of the pooled output {@code [N,1280,1,1]}
     */
    private static String pooledNetwork(OnnxGraph g, String graphName, MobileNetV2Weights w, int channels, int size) {
        g.proto().setName(graphName);
        g.proto().addInput(OnnxGraph.floatValue(INPUT, channels, size, size));
        float scale = (float) w.inputScale();
        String x = g.op("Mul", new String[] {INPUT, g.floats("in_scale", new float[] {scale})});
        x = g.op("Add", new String[] {x, g.floats("in_shift", new float[] {(float) (-w.inputZeroPoint() * scale)})});
        x = network(g, w.convolutions(), x, size);
        return g.op("GlobalAveragePool", new String[] {x});
    }

    /** The 52 convolutions with TensorFlow SAME padding, ReLU6 and the residual adds. */
    private static String network(OnnxGraph g, List<MobileNetV2Weights.Conv> convs, String x, int size) {
        int spatial = size;
        String blockInput = x;
        int currentBlock = -2;
        for (MobileNetV2Weights.Conv c : convs) {
            if (c.block() != currentBlock) {
                blockInput = x;
                currentBlock = c.block();
            }
            int[] pad = MobileNetV2Weights.samePadding(spatial, c.kernel(), c.stride());
            String wName = g.floats("w", c.weights(), c.outChannels(), c.inChannels() / c.groups(), c.kernel(),
                    c.kernel());
            String bName = g.floats("b", c.bias(), c.outChannels());
            x = g.op("Conv", new String[] {x, wName, bName},
                    OnnxGraph.ints("kernel_shape", c.kernel(), c.kernel()),
                    OnnxGraph.ints("strides", c.stride(), c.stride()),
                    OnnxGraph.ints("pads", pad[0], pad[0], pad[1], pad[1]),
                    OnnxGraph.integer("group", c.groups()));
            spatial = (spatial + c.stride() - 1) / c.stride();
            if (c.relu6()) {
                x = g.op("Clip", new String[] {x, g.floats("zero", new float[] {0f}), g.floats("six", new float[] {6f})});
            }
            if (c.residual()) {
                x = g.op("Add", new String[] {x, blockInput});
            }
        }
        return x;
    }
}
