package org.cxrstudio.core.training;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.cxrstudio.core.io.Sha256;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.OrtSessions;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A teacher network given as an ONNX file, run on the CPU through ONNX Runtime (started through
 * DJL's engine). Loading checks everything distillation relies on, so a wrong file fails before
 * training: the file exists and parses, it has one input of shape {@code N×1×S×S} with a fixed
 * {@code S}, an image-probability output {@code N×1} and a CAM output {@code N×1×h×w} (names from
 * its embedded card, default {@code probability} and {@code cam}), and its card (when present)
 * agrees with the input size. Not thread-safe.
 */
final class TeacherModel implements AutoCloseable {
    private static final String WHAT = "teacher model";
    private final OrtSession session;
    private final Signature signature;
    private final ModelCard card;
    private final String sha256;

    /**
     * What {@link #check} verified: the graph's tensor names and the input recipe, whose size is
     * the graph's fixed S.
     *
     * @param input         name of the {@code N×1×S×S} image input
     * @param probability   name of the {@code N×1} probability output
     * @param cam           name of the {@code N×1×h×w} CAM output
     * @param preprocessing from the card, else per-image z-score at S
     */
    private record Signature(String input, String probability, String cam, Preprocessing preprocessing) { }

    private TeacherModel(OrtSession session, Signature signature, ModelCard card, String sha256) {
        this.session = session;
        this.signature = signature;
        this.card = card;
        this.sha256 = sha256;
    }

    /**
     * Loads through {@link OrtSessions} as every model: the file is checked against its sidecar
     * card's SHA-256 (as for {@code TbModel}), the sidecar card (else the embedded one) names the
     * outputs and gives the preprocessing.
     *
     * @throws IOException naming the file and what does not fit
     */
    static TeacherModel load(Path onnx) throws IOException {
        ModelCard sidecar = OrtSessions.checkedSidecar(onnx, WHAT);
        // checkedSidecar verified the file against the card's SHA-256 when it has one: no second read
        String sha = sidecar != null && !sidecar.sha256().isBlank() ? sidecar.sha256().strip().toLowerCase(Locale.ROOT)
                : Sha256.ofFile(onnx);
        OrtSession session = OrtSessions.openCpu(onnx, WHAT, Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            return check(onnx, session, sidecar, sha);
        } catch (IOException | RuntimeException e) {
            OrtSessions.closeQuietly(session);
            throw e;
        }
    }

    private static TeacherModel check(Path onnx, OrtSession session, ModelCard sidecar, String sha) throws IOException {
        try {
            ModelCard card = sidecar != null ? sidecar : embeddedCard(onnx, session);
            String probName = card != null && card.probabilityOutput() != null ? card.probabilityOutput()
                    : ModelCard.DEFAULT_PROBABILITY_OUTPUT;
            String camName = card != null && card.camOutput() != null ? card.camOutput() : ModelCard.DEFAULT_CAM_OUTPUT;
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new IOException(onnx + ": teacher must have one image input, has " + inputs.keySet());
            }
            NodeInfo in = inputs.values().iterator().next();
            long[] shape = ((TensorInfo) in.getInfo()).getShape();
            if (shape.length != 4 || shape[1] != 1 || shape[2] <= 0 || shape[2] != shape[3]) {
                throw new IOException(onnx + ": teacher input '" + in.getName() + "' must be N×1×S×S with a fixed S, is "
                        + java.util.Arrays.toString(shape));
            }
            int size = (int) shape[2];
            Map<String, NodeInfo> outs = session.getOutputInfo();
            requireOutput(onnx, outs, probName, 2);
            requireOutput(onnx, outs, camName, 4);
            Preprocessing pre = card != null ? card.preprocessing() : Preprocessing.perImage(size);
            if (pre.inputSize() != size) {
                throw new IOException(onnx + ": teacher card says input " + pre.inputSize() + " px but the graph takes "
                        + size + " px");
            }
            return new TeacherModel(session, new Signature(in.getName(), probName, camName, pre), card, sha);
        } catch (OrtException e) {
            throw new IOException(onnx + ": cannot inspect teacher model (" + e.getMessage() + ")", e);
        }
    }

    /** The card in the model's metadata, or {@code null}. */
    private static ModelCard embeddedCard(Path onnx, OrtSession session) throws IOException, OrtException {
        String json = session.getMetadata().getCustomMetadata().get(ModelCard.METADATA_KEY);
        if (json == null) {
            return null;
        }
        try {
            return ModelCard.fromJson(json);
        } catch (RuntimeException e) {
            throw new IOException(onnx + ": teacher's embedded model card is malformed (" + e.getMessage() + ")", e);
        }
    }

    private static void requireOutput(Path onnx, Map<String, NodeInfo> outs, String name, int rank) throws IOException {
        NodeInfo info = outs.get(name);
        if (info == null) {
            throw new IOException(onnx + ": teacher lacks output '" + name + "' (has " + outs.keySet() + ")");
        }
        long[] shape = ((TensorInfo) info.getInfo()).getShape();
        if (shape.length != rank || shape[1] != 1) {
            throw new IOException(onnx + ": teacher output '" + name + "' must be " + (rank == 2 ? "N×1" : "N×1×h×w")
                    + " (one class), is " + java.util.Arrays.toString(shape));
        }
    }

    int inputSize() {
        return signature.preprocessing().inputSize();
    }

    Preprocessing preprocessing() {
        return signature.preprocessing();
    }

    /** The sidecar card, else the embedded one, or {@code null}. */
    ModelCard card() {
        return card;
    }

    String sha256() {
        return sha256;
    }

    /**
     * Runs {@code n} normalised images ({@code n×S×S} floats).
     *
     * @return probabilities and CAMs
     */
    Outputs run(float[] batch, int n) throws IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int s = inputSize();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), new long[] {n, 1, s, s});
             OrtSession.Result r = session.run(Map.of(signature.input(), x))) {
            OnnxTensor p = (OnnxTensor) r.get(signature.probability()).orElseThrow();
            OnnxTensor c = (OnnxTensor) r.get(signature.cam()).orElseThrow();
            long[] cs = c.getInfo().getShape();
            float[] prob = new float[n];
            p.getFloatBuffer().get(prob);
            float[] cam = new float[(int) (n * cs[2] * cs[3])];
            c.getFloatBuffer().get(cam);
            return new Outputs(prob, cam, (int) cs[3], (int) cs[2]);
        } catch (OrtException e) {
            throw new IOException("teacher inference failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param probability per image
     * @param cam         per image {@code camHeight×camWidth}, row-major, logit units
     */
    record Outputs(float[] probability, float[] cam, int camWidth, int camHeight) { }

    @Override
    public void close() {
        OrtSessions.closeQuietly(session);
    }
}
