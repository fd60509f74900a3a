package org.cxrstudio.core.training.onnx;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.onnx.proto.Onnx.AttributeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.NodeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.OperatorSetIdProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorShapeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ValueInfoProto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One checked member of an {@link EnsembleBuilder} ensemble: its file, parsed model, card and
 * the names and sizes of its input and outputs, read by {@link #read(Path)}, which refuses a
 * file that is not a CXR Studio export with its card (one line naming the file).
 *
 * @param sha256       SHA-256 of the file as read
 * @param hasThreshold whether the card states a threshold (not just the default)
 * @param input        name of the image input, {@code N×1×inputSize×inputSize}
 * @param camSize      side h of the {@code N×C×h×h} CAM output
 */
record EnsembleMember(Path file, ModelProto model, ModelCard card, String sha256, boolean hasThreshold, String input,
                      int inputSize, String probability, String cam, int camSize) {

    /** Reads and checks one member: ONNX, sidecar card, hash, opset, input and output shapes. */
    static EnsembleMember read(Path file) throws IOException {
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
        return new EnsembleMember(file, model, card, sha, hasThreshold, inputs.get(0).getName(), s, prob, cam, (int) cm[2]);
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
}
