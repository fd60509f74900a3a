package org.cxrstudio.core.training.onnx;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.onnx.proto.Onnx.AttributeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.NodeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.OperatorSetIdProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorShapeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ValueInfoProto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.cxrstudio.core.training.onnx.OnnxGraph.integer;
import static org.cxrstudio.core.training.onnx.OnnxGraph.ints;
import static org.cxrstudio.core.training.onnx.OnnxGraph.string;

/**
 * Merges several CXR Studio ONNX models (as written by {@link OnnxExporter}, each with its sidecar
 * card) into one ONNX teacher: one input {@code N×1×S×S}, each member's graph copied in with its
 * names prefixed {@code m0_}, {@code m1_}, ..., fed by a linear {@code Resize} of the input to the
 * member's own input size when that differs (re-z-scored per image when the members use per-image
 * normalisation, so each member sees inputs normalised as in its training); output
 * {@code probability} = mean of the members' probabilities, output {@code cam} = mean of the
 * members' CAMs after a linear {@code Resize} to the largest member CAM grid. The result satisfies
 * the same contract as a single exported model, so {@code TbModel} and distillation load it.
 *
 * <pre>{@code
 * ModelCard card = EnsembleBuilder.build(List.of(a, b), Path.of("teacher.onnx"), 0, "ensemble teacher");
 * }</pre>
 *
 * <p>Members are refused, with one line naming the file, when they lack a sidecar card, do not
 * parse as ONNX, fail their card's SHA-256, use another normalisation or class list than the
 * first member, or do not have the exporter's input/output shapes.
 */
public final class EnsembleBuilder {
    /** Prefix of the nodes the ensemble adds around its members. */
    private static final String OWN = "ens_";
    /** Card key of the training time, as written by the trainer and read by distillation's comparison. */
    private static final String TRAINING_SECONDS = "training_seconds";

    private EnsembleBuilder() {
    }

    /** One checked member: file, parsed model, card and shapes. */
    record Member(Path file, ModelProto model, ModelCard card, String sha256, boolean hasThreshold, String input,
                  int inputSize, String probability, String cam, int camSize) {
    }

    /**
     * Builds the ensemble and writes {@code out} with its sidecar card.
     *
     * @param members ONNX files, at least two
     * @param size    ensemble input size S, or {@code 0} for the largest member input size
     * @param command the command line recorded in the card ({@code training.command}), may be {@code null}
     * @return the card as written (with the new file's SHA-256)
     * @throws IOException naming the offending file when a member does not fit
     */
    public static ModelCard build(List<Path> members, Path out, int size, String command) throws IOException {
        if (members == null || members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two models, got "
                    + (members == null ? 0 : members.size()));
        }
        List<Member> ms = new ArrayList<>();
        for (Path p : members) {
            ms.add(readMember(p));
        }
        Member first = ms.get(0);
        for (Member m : ms) {
            if (m.file().toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(out + ": output would overwrite a member");
            }
            Preprocessing a = first.card().preprocessing();
            Preprocessing b = m.card().preprocessing();
            if (!a.normalization().equals(b.normalization())
                    || (Preprocessing.FIXED.equals(a.normalization()) && (a.mean() != b.mean() || a.std() != b.std()))) {
                throw new IllegalArgumentException(m.file() + ": normalisation " + describe(b) + " differs from "
                        + first.file().getFileName() + "'s " + describe(a) + "; members must be preprocessed alike");
            }
            if (!a.crop().equals(b.crop())) {
                // the ensemble resizes one shared input inside the graph, so every member must see the same crop
                throw new IllegalArgumentException(m.file() + ": crop " + b.crop() + " differs from "
                        + first.file().getFileName() + "'s " + a.crop() + "; members must be preprocessed alike");
            }
            if (!m.card().classes().equals(first.card().classes())) {
                throw new IllegalArgumentException(m.file() + ": classes " + m.card().classes() + " differ from "
                        + first.file().getFileName() + "'s " + first.card().classes());
            }
        }
        int s = size > 0 ? size : ms.stream().mapToInt(Member::inputSize).max().orElseThrow();
        Preprocessing pre = new Preprocessing(s, first.card().preprocessing().normalization(),
                first.card().preprocessing().mean(), first.card().preprocessing().std(), first.card().preprocessing().crop());
        int grid = ms.stream().mapToInt(Member::camSize).max().orElseThrow();
        int classes = first.card().classes().size();

        ModelProto.Builder model = graph(ms, s, grid, classes, pre);
        ModelCard card = card(ms, pre, out, command);
        return OnnxFiles.write(model, card, out);
    }

    private static String describe(Preprocessing p) {
        return Preprocessing.FIXED.equals(p.normalization()) ? "fixed(mean " + p.mean() + ", std " + p.std() + ")"
                : p.normalization();
    }

    /** Reads and checks one member: ONNX, sidecar card, hash, opset, input and output shapes. */
    static Member readMember(Path file) throws IOException {
        Path cardFile = OnnxFiles.sidecarOf(file);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such ONNX file");
        }
        if (!Files.isRegularFile(cardFile)) {
            throw new IOException(file + ": no model card " + cardFile.getFileName()
                    + " beside it (ensemble members must be CXR Studio exports with their card)");
        }
        byte[] bytes = Files.readAllBytes(file);
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException(file + ": not an ONNX model (" + e.getMessage() + ")", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new IOException(file + ": not an ONNX model (no graph)");
        }
        String json = Files.readString(cardFile, StandardCharsets.UTF_8);
        ModelCard card;
        boolean hasThreshold;
        try {
            card = ModelCard.fromJson(json);
            JsonElement root = JsonParser.parseString(json);
            hasThreshold = root.isJsonObject() && root.getAsJsonObject().has("threshold");
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException(cardFile + ": malformed model card (" + e.getMessage() + ")", e);
        }
        String sha = OnnxFiles.sha256(bytes);
        if (!card.sha256().isBlank() && !card.sha256().trim().equalsIgnoreCase(sha)) {
            throw new IOException(file + ": SHA-256 " + sha + " does not match " + cardFile.getFileName()
                    + " (file changed or paired with the wrong card)");
        }
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() && o.getVersion() != OnnxGraph.OPSET) {
                throw new IOException(file + ": opset " + o.getVersion() + ", ensembles need CXR Studio exports (opset "
                        + OnnxGraph.OPSET + ")");
            }
        }
        GraphProto g = model.getGraph();
        Set<String> inits = new HashSet<>();
        g.getInitializerList().forEach(t -> inits.add(t.getName()));
        List<ValueInfoProto> inputs = g.getInputList().stream().filter(v -> !inits.contains(v.getName())).toList();
        int s = card.preprocessing().inputSize();
        if (inputs.size() != 1) {
            throw new IOException(file + ": expected one image input, found " + inputs.size());
        }
        long[] in = dims(inputs.get(0));
        if (in.length != 4 || in[1] != 1 || in[2] != s || in[3] != s) {
            throw new IOException(file + ": input '" + inputs.get(0).getName() + "' is " + java.util.Arrays.toString(in)
                    + ", expected N×1×" + s + "×" + s + " (card input size " + s + ")");
        }
        String prob = orDefault(card.probabilityOutput(), ModelCard.DEFAULT_PROBABILITY_OUTPUT);
        String cam = orDefault(card.camOutput(), ModelCard.DEFAULT_CAM_OUTPUT);
        int c = card.classes().size();
        long[] p = outputDims(file, g, prob);
        if (p.length != 2 || p[1] != c) {
            throw new IOException(file + ": output '" + prob + "' is " + java.util.Arrays.toString(p) + ", expected N×" + c);
        }
        long[] cm = outputDims(file, g, cam);
        if (cm.length != 4 || cm[1] != c || cm[2] <= 0 || cm[2] != cm[3]) {
            throw new IOException(file + ": output '" + cam + "' is " + java.util.Arrays.toString(cm)
                    + ", expected N×" + c + "×h×h with a fixed h");
        }
        for (NodeProto n : g.getNodeList()) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.hasG() || a.getGraphsCount() > 0) {
                    throw new IOException(file + ": node " + n.getName() + " has a subgraph; not a CXR Studio export");
                }
            }
        }
        return new Member(file, model, card, sha, hasThreshold, inputs.get(0).getName(), s, prob, cam, (int) cm[2]);
    }

    private static long[] outputDims(Path file, GraphProto g, String name) throws IOException {
        for (ValueInfoProto v : g.getOutputList()) {
            if (v.getName().equals(name)) {
                return dims(v);
            }
        }
        List<String> names = g.getOutputList().stream().map(ValueInfoProto::getName).toList();
        throw new IOException(file + ": no output named '" + name + "' (outputs " + names + "); not a CXR Studio TB model?");
    }

    /** Dimensions of a tensor value; symbolic or unknown dimensions are {@code -1}. */
    private static long[] dims(ValueInfoProto v) {
        List<TensorShapeProto.Dimension> ds = v.getType().getTensorType().getShape().getDimList();
        long[] out = new long[ds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ds.get(i).hasDimValue() ? ds.get(i).getDimValue() : -1;
        }
        return out;
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }

    /** The merged graph. */
    private static ModelProto.Builder graph(List<Member> ms, int s, int grid, int classes, Preprocessing pre) {
        String input = ms.get(0).input();
        GraphProto.Builder gb = GraphProto.newBuilder().setName("cxr_ensemble");
        OnnxGraph g = new OnnxGraph(gb, OWN);
        gb.addInput(OnnxGraph.floatValue(input, 1, s, s));
        boolean perImage = Preprocessing.PER_IMAGE.equals(pre.normalization());
        List<String> probs = new ArrayList<>();
        List<String> cams = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            Member m = ms.get(i);
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
        }
        mean(g, probs, ModelCard.DEFAULT_PROBABILITY_OUTPUT, ms.size());
        mean(g, cams, ModelCard.DEFAULT_CAM_OUTPUT, ms.size());
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

    /** SHA-256 of the {@code split.csv} beside a member (a training run's output folder), or {@code null}. */
    private static String splitCsvSha(Member m) {
        Path csv = m.file().toAbsolutePath().resolveSibling("split.csv");
        try {
            return Files.isRegularFile(csv) ? OnnxFiles.sha256(Files.readAllBytes(csv)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A member card's data folders, seed and split description, or {@code null} when it has none. */
    private static Map<String, Object> cardSplit(Member m) {
        Map<String, Object> t = m.card().training();
        if (!t.containsKey("split") && !t.containsKey("seed")) {
            return null;
        }
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("data", t.get("data"));
        id.put("seed", t.get("seed"));
        id.put("split", t.get("split"));
        return id;
    }

    /**
     * Whether the members share one train/validation split: the same {@code split.csv} bytes beside
     * every member, or else the same data, seed and split description in every card. Members with
     * different splits have trained on each other's validation images, so the ensemble's
     * validation figures would be optimistic; the card says so.
     */
    private static boolean sameSplit(List<String> csvShas, List<Map<String, Object>> cardSplits) {
        if (!csvShas.contains(null) && new HashSet<>(csvShas).size() == 1) {
            return true;
        }
        return !cardSplits.contains(null) && new HashSet<>(cardSplits).size() == 1;
    }

    /** The ensemble's card: teacher, members with hashes and validation figures, threshold provenance. */
    private static ModelCard card(List<Member> ms, Preprocessing pre, Path out, String command) {
        List<String> parts = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>();
        boolean allThresholds = true;
        double tsum = 0;
        boolean allSeconds = true;
        double seconds = 0;
        List<String> csvShas = new ArrayList<>();
        List<Map<String, Object>> cardSplits = new ArrayList<>();
        for (Member m : ms) {
            parts.add(m.card().architecture() + "@" + m.inputSize());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", m.file().getFileName().toString());
            e.put("path", m.file().toAbsolutePath().normalize().toString());
            e.put("sha256", m.sha256());
            e.put("name", m.card().name());
            e.put("architecture", m.card().architecture());
            e.put("role", m.card().role());
            e.put("input_size", m.inputSize());
            e.put("cam_size", m.camSize());
            if (m.hasThreshold()) {
                e.put("threshold", m.card().threshold());
                tsum += m.card().threshold();
            } else {
                allThresholds = false;
            }
            if (m.card().training().get(TRAINING_SECONDS) instanceof Number t) {
                e.put(TRAINING_SECONDS, t.doubleValue());
                seconds += t.doubleValue();
            } else {
                allSeconds = false;
            }
            String csv = splitCsvSha(m);
            Map<String, Object> split = cardSplit(m);
            csvShas.add(csv);
            cardSplits.add(split);
            if (split != null) {
                e.put("split", split);
            }
            if (csv != null) {
                e.put("split_csv_sha256", csv);
            }
            if (!m.card().postprocessing().isEmpty()) {
                e.put("postprocessing", m.card().postprocessing());
            }
            if (!m.card().validation().isEmpty()) {
                e.put("validation", m.card().validation());
            }
            members.add(e);
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("kind", "ensemble");
        if (command != null) {
            training.put("command", command);
        }
        training.put("created", Instant.now().toString());
        training.put("members", members);
        training.put("combination", "probability = mean of member probabilities; cam = mean of member CAMs (logits) "
                + "after linear resize to the largest member grid; input linearly resized to each member's size"
                + (Preprocessing.PER_IMAGE.equals(pre.normalization()) ? " and re-z-scored per image" : ""));
        training.put("postprocessing_source", "default box parameters: the members' were tuned to their own CAMs; "
                + "run calibrate-boxes on the ensemble");
        training.put("same_split", sameSplit(csvShas, cardSplits));
        if (allSeconds) { // the teacher's cost, for comparisons at equal CPU time
            training.put(TRAINING_SECONDS, seconds);
            training.put("training_seconds_source", "sum over the members");
        }
        double threshold;
        if (allThresholds) {
            threshold = tsum / ms.size();
            training.put("threshold_source", "mean of the members' card thresholds");
        } else {
            threshold = 0.5;
            training.put("threshold_source", "none: not every member card has a threshold; 0.5 is a placeholder, "
                    + "calibrate with eval");
        }
        String name = out.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        return new ModelCard(name, "1.0", "ensemble(" + String.join(", ", parts) + ")", "teacher", pre,
                ms.get(0).card().classes(), threshold, ModelCard.DEFAULT_PROBABILITY_OUTPUT,
                ModelCard.DEFAULT_CAM_OUTPUT, training, null, "");
    }
}
