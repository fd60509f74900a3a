package org.cxrstudio.core.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.saliency.BoxExtractor;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.core.saliency.Heatmaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded TB model (an ONNX Runtime session) with its card. ONNX Runtime's Java API is called
 * directly, not through DJL's {@code Predictor}: it gives the session options DJL does not expose
 * (the CUDA execution provider with a CPU fallback when CUDA cannot start, {@link DeviceSelector}),
 * the model metadata where the card is embedded, one session shared by all threads (DJL
 * predictors are one per thread) and reusable direct input buffers. DJL's ONNX Runtime engine is
 * only checked by {@code engines}; DJL runs training (PyTorch).
 * {@link #predict(Radiograph)} renders the radiograph exactly as the viewer does (default window,
 * {@link DisplayPipeline#render}), prepares the input from the card ({@link ModelInput#prepare}),
 * runs the network and turns probability and CAM into a {@link Prediction} with a heatmap and boxes
 * in original image pixels.
 *
 * <p>Threading: immutable after {@link #load}; ONNX Runtime sessions allow concurrent {@code run}
 * calls, so {@code predict*} may be called from several threads at once. {@link #close()} must not
 * race with a prediction.
 *
 * <pre>{@code
 * try (TbModel m = TbModel.load(Path.of("models/student.onnx"), DevicePreference.AUTO)) {
 *     Prediction p = m.predict(RadiographReader.read(file));
 * }
 * }</pre>
 */
public final class TbModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TbModel.class);

    private final Path path;
    private final ModelCard card;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelSignature signature;
    private final String device;
    private final String deviceReason;
    private final double loadMillis;
    /**
     * Each thread's direct input buffer, reused across runs: a heap buffer would be copied into a
     * fresh direct one by ONNX Runtime on every run (0.07 ms for a 224 px image, measured).
     */
    private final ThreadLocal<FloatBuffer> inputs = new ThreadLocal<>();

    private TbModel(Path path, ModelCard card, OrtEnvironment env, OrtSessions.Opened opened, ModelSignature signature,
                    double loadMillis) {
        this.path = path;
        this.card = card;
        this.env = env;
        this.session = opened.session();
        this.signature = signature;
        this.device = opened.device();
        this.deviceReason = opened.deviceReason();
        this.loadMillis = loadMillis;
    }

    /**
     * Loads a model: card from the sidecar {@code <name>.card.json} (else from the ONNX
     * {@code metadata_props}), SHA-256 checked against the sidecar card, session created on the
     * preferred device (CPU fallback with the reason in {@link #deviceReason()}), inputs and outputs
     * checked against the card.
     *
     * @throws ModelLoadException naming the file and the problem (missing, not ONNX, no card, hash
     *                            mismatch, wrong inputs/outputs)
     */
    public static TbModel load(Path onnx, DevicePreference preference) throws ModelLoadException {
        return load(onnx, preference, 0);
    }

    /**
     * As {@link #load(Path, DevicePreference)} with a fixed number of ONNX Runtime intra-op threads
     * per {@code run}: {@code 0} lets ONNX Runtime choose (one per physical core), {@code 1} runs
     * each prediction on the calling thread alone, for callers that already run one prediction per
     * core (several Spark tasks in one executor).
     */
    public static TbModel load(Path onnx, DevicePreference preference, int intraOpThreads) throws ModelLoadException {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, got " + intraOpThreads);
        }
        return load(onnx, preference, OrtRuntime.providers(), DeviceSelector.REAL, intraOpThreads);
    }

    static TbModel load(Path onnx, DevicePreference preference, Set<OrtProvider> providers,
                        DeviceSelector.CudaEnabler cuda) throws ModelLoadException {
        return load(onnx, preference, providers, cuda, 0);
    }

    private static TbModel load(Path onnx, DevicePreference preference, Set<OrtProvider> providers,
                                DeviceSelector.CudaEnabler cuda, int intraOpThreads) throws ModelLoadException {
        long t0 = System.nanoTime();
        ModelCard sidecar = OrtSessions.checkedSidecar(onnx, "model");
        OrtSessions.Opened opened = OrtSessions.open(onnx, "model", preference, intraOpThreads, providers, cuda);
        OrtSession session = opened.session();
        try {
            ModelCard card = sidecar != null ? sidecar : embeddedCard(onnx, session);
            ModelSignature sig = ModelSignature.check(onnx, session, card);
            double ms = (System.nanoTime() - t0) / 1e6;
            LOG.info("loaded {} ({} {}) on {} in {} ms", onnx, card.role(), card.architecture(), opened.device(), Math.round(ms));
            return new TbModel(onnx, card, OrtRuntime.environment(), opened, sig, ms);
        } catch (ModelLoadException | RuntimeException e) {
            OrtSessions.closeQuietly(session);
            throw e;
        }
    }

    private static ModelCard embeddedCard(Path onnx, OrtSession session) throws ModelLoadException {
        String json;
        try {
            json = session.getMetadata().getCustomMetadataValue(ModelCard.METADATA_KEY).orElse(null);
        } catch (OrtException e) {
            throw new ModelLoadException(onnx + ": cannot read model metadata (" + e.getMessage() + ")", e);
        }
        if (json == null) {
            throw new ModelLoadException(onnx + ": no model card (neither " + ModelFiles.sidecar(onnx).getFileName()
                    + " nor metadata key '" + ModelCard.METADATA_KEY + "'); not a CXR Studio TB model?");
        }
        LOG.warn("{}: no sidecar card; using the embedded card, SHA-256 not checked", onnx);
        return ModelFiles.parse(json, onnx + " (embedded card)");
    }

    public ModelCard card() {
        return card;
    }

    public Path path() {
        return path;
    }

    /** {@code "CPU"} or {@code "CUDA:0"}. */
    public String device() {
        return device;
    }

    /** Why that device, e.g. the CUDA error that caused the CPU fallback. */
    public String deviceReason() {
        return deviceReason;
    }

    /** Session creation time including card reading and the hash check, milliseconds. */
    public double loadMillis() {
        return loadMillis;
    }

    /** Square input side S in pixels. */
    public int inputSize() {
        return signature.inputSize();
    }

    /**
     * Post-processing as the card says: its threshold and box parameters
     * ({@link PostProcessing#of(ModelCard)}); the starting point for every use of the model.
     */
    public PostProcessing postProcessing() {
        return PostProcessing.of(card);
    }

    /** Predicts with the card's threshold and box parameters ({@link #postProcessing()}). */
    public Prediction predict(Radiograph radiograph) throws InferenceException {
        return predict(radiograph, postProcessing());
    }

    /** Renders with the default window (as the viewer), then {@link #predictGray}; time includes rendering. */
    public Prediction predict(Radiograph radiograph, PostProcessing post) throws InferenceException {
        long t0 = System.nanoTime();
        GrayImage gray = DisplayPipeline.render(radiograph, null, false);
        return run(List.of(gray), post, t0).get(0);
    }

    /** Predicts on an already rendered 8-bit image (boxes and heatmap in its pixels). */
    public Prediction predictGray(GrayImage gray, PostProcessing post) throws InferenceException {
        return run(List.of(gray), post, System.nanoTime()).get(0);
    }

    /**
     * Several images in one session run when the model's batch dimension is dynamic, else one by
     * one; each prediction's time is the batch time divided by its size.
     */
    public List<Prediction> predictGrayBatch(List<GrayImage> images, PostProcessing post) throws InferenceException {
        if (signature.dynamicBatch() || images.size() <= 1) {
            return run(images, post, System.nanoTime());
        }
        List<Prediction> out = new ArrayList<>();
        for (GrayImage g : images) {
            out.add(predictGray(g, post));
        }
        return out;
    }

    private List<Prediction> run(List<GrayImage> images, PostProcessing post, long t0) throws InferenceException {
        int n = images.size();
        int s = signature.inputSize();
        FloatBuffer input = inputBuffer(Math.multiplyExact(n, s * s));
        for (GrayImage image : images) {
            input.put(ModelInput.prepare(image, card.preprocessing()));
        }
        input.flip();
        float[] prob;
        float[] cam;
        long[] camShape;
        try (OnnxTensor in = OnnxTensor.createTensor(env, input, new long[] {n, 1, s, s});
             OrtSession.Result res = session.run(Map.of(signature.input(), in))) {
            prob = floats(res, signature.probability());
            OnnxTensor camTensor = (OnnxTensor) res.get(signature.cam()).orElseThrow();
            camShape = camTensor.getInfo().getShape();
            cam = floats(res, signature.cam());
        } catch (OrtException | RuntimeException e) {
            throw new InferenceException(path + ": inference failed (" + e.getMessage() + ")", e);
        }
        return PredictionAssembler.assemble(path, images, prob, cam, camShape, card, device, post,
                new BoxExtractor(post.boxes()), t0);
    }

    private FloatBuffer inputBuffer(int floats) {
        FloatBuffer b = inputs.get();
        if (b == null || b.capacity() < floats) {
            b = ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
            inputs.set(b);
        }
        b.clear();
        return b;
    }

    private static float[] floats(OrtSession.Result res, String name) {
        OnnxValue v = res.get(name).orElseThrow(() -> new IllegalStateException("output '" + name + "' missing"));
        FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
    }

    @Override
    public void close() {
        inputs.remove();
        OrtSessions.closeQuietly(session);
    }

    /**
     * Builds a heatmap for class 0 from a flat CAM slice; the CAM covers the card's crop of
     * {@code img}, the heatmap the whole image (original pixels).
     */
    static Heatmap heatmap(float[] cam, int offset, int w, int h, GrayImage img, Preprocessing pre, PostProcessing post) {
        float[] slice = new float[w * h];
        System.arraycopy(cam, offset, slice, 0, w * h);
        return Heatmaps.fromCam(slice, w, h, pre.cropRegion(img.width(), img.height()), img.width(), img.height(),
                post.normalization());
    }
}
