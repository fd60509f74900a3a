package org.cxrstudio.core.training.onnx;

import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.NodeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorProto;

import java.util.ArrayList;
import java.util.List;

import static org.cxrstudio.core.training.onnx.OnnxGraph.integer;
import static org.cxrstudio.core.training.onnx.OnnxGraph.ints;
import static org.cxrstudio.core.training.onnx.OnnxGraph.string;

/**
 * The merged ONNX graph of an {@link EnsembleBuilder} ensemble: each member's graph copied in
 * with its names prefixed {@code m0_}, {@code m1_}, ..., fed by a resized (and, for per-image
 * normalisation, re-z-scored) input, and the mean of the members' probabilities and CAMs. When
 * mirrored, each member is copied a second time ({@code m0f_}, ...) on the left-right mirrored
 * input and its CAM is mirrored back before the mean (test-time augmentation). Stateless.
 */
final class EnsembleGraph {
    /** Prefix of the nodes the ensemble adds around its members. */
    private static final String OWN = "ens_";

    private EnsembleGraph() {
    }

    /** The merged graph; {@code mirrored} adds every member on the mirrored input too. */
    static ModelProto.Builder build(List<EnsembleMember> ms, int s, int grid, int classes, Preprocessing pre,
                                    boolean mirrored) {
        String input = ms.get(0).input();
        GraphProto.Builder gb = GraphProto.newBuilder().setName("cxr_ensemble");
        OnnxGraph g = new OnnxGraph(gb, OWN);
        gb.addInput(OnnxGraph.floatValue(input, 1, s, s));
        boolean perImage = Preprocessing.PER_IMAGE.equals(pre.normalization());
        List<String> probs = new ArrayList<>();
        List<String> cams = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            EnsembleMember m = ms.get(i);
            String prefix = "m" + i + "_";
            String feed = input;
            if (m.inputSize() != s) {
                feed = resize(g, input, m.inputSize());
                if (perImage) {
                    feed = zScore(g, feed);
                }
            }
            copy(m.model().getGraph(), prefix, m.input(), feed, gb);
            probs.add(prefix + m.probability());
            String cam = prefix + m.cam();
            cams.add(m.camSize() == grid ? cam : resize(g, cam, grid));
            if (mirrored) {
                String mp = "m" + i + "f_";
                copy(m.model().getGraph(), mp, m.input(), mirror(g, feed), gb);
                probs.add(mp + m.probability());
                String back = mirror(g, mp + m.cam());
                cams.add(m.camSize() == grid ? back : resize(g, back, grid));
            }
        }
        mean(g, probs, ModelCard.DEFAULT_PROBABILITY_OUTPUT, probs.size());
        mean(g, cams, ModelCard.DEFAULT_CAM_OUTPUT, cams.size());
        gb.addOutput(OnnxGraph.floatValue(ModelCard.DEFAULT_PROBABILITY_OUTPUT, classes));
        gb.addOutput(OnnxGraph.floatValue(ModelCard.DEFAULT_CAM_OUTPUT, classes, grid, grid));
        return g.model("cxr-studio");
    }

    /** Copies a member's nodes and initializers, every name prefixed, its input renamed to {@code feed}. */
    private static void copy(GraphProto src, String prefix, String input, String feed, GraphProto.Builder dst) {
        for (TensorProto t : src.getInitializerList()) {
            dst.addInitializer(t.toBuilder().setName(prefix + t.getName()));
        }
        int k = 0;
        for (NodeProto n : src.getNodeList()) {
            NodeProto.Builder b = n.toBuilder().clearInput().clearOutput()
                    .setName(prefix + (n.getName().isEmpty() ? "node" + k : n.getName()));
            k++;
            for (String in : n.getInputList()) {
                b.addInput(in.isEmpty() ? "" : in.equals(input) ? feed : prefix + in);
            }
            for (String out : n.getOutputList()) {
                b.addOutput(out.isEmpty() ? "" : prefix + out);
            }
            dst.addNode(b);
        }
    }

    /** An N×C×h×w tensor mirrored left-right: {@code Slice} of the last axis from its end with step −1. */
    private static String mirror(OnnxGraph g, String x) {
        return g.op("Slice", new String[] {x, g.longs("start", -1), g.longs("end", Long.MIN_VALUE), g.longs("axis", 3),
                g.longs("step", -1)});
    }

    /** Linear (half-pixel) resize of an N×C×h×w tensor to N×C×size×size; N and C taken from the tensor. */
    private static String resize(OnnxGraph g, String x, int size) {
        String shape = g.op("Shape", new String[] {x});
        String nc = g.op("Slice", new String[] {shape, g.longs("start", 0), g.longs("end", 2)});
        String sizes = g.op("Concat", new String[] {nc, g.longs("hw", size, size)}, integer("axis", 0));
        return g.op("Resize", new String[] {x, "", "", sizes}, string("mode", "linear"),
                string("coordinate_transformation_mode", "half_pixel"));
    }

    /**
     * Per-image z-score as {@code Normalization.apply}: {@code (x − mean) / max(std, 1e-3)} over
     * each image (population standard deviation).
     */
    private static String zScore(OnnxGraph g, String x) {
        String mean = g.op("ReduceMean", new String[] {x}, ints("axes", 1, 2, 3), integer("keepdims", 1));
        String d = g.op("Sub", new String[] {x, mean});
        String var = g.op("ReduceMean", new String[] {g.op("Mul", new String[] {d, d})}, ints("axes", 1, 2, 3),
                integer("keepdims", 1));
        String std = g.op("Max", new String[] {g.op("Sqrt", new String[] {var}), g.floats("eps", new float[] {1e-3f})});
        return g.op("Div", new String[] {d, std});
    }

    private static void mean(OnnxGraph g, List<String> xs, String out, int k) {
        String sum = g.op("Sum", xs.toArray(String[]::new));
        g.opTo(out, "Div", new String[] {sum, g.floats("count", new float[] {k})});
    }
}
