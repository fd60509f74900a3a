package org.cxrstudio.core.gate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.cxrstudio.core.inference.ModelLoadException;
import org.cxrstudio.core.inference.OrtSessions;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@code gate.onnx}: input {@value #INPUT} {@code float[1,1,S,S]}, the gray rendering
 * resized to {@code S x S} with values {@code 0..255}; output {@value #OUTPUT} {@code float[1]},
 * the mean cosine distance ({@code 0..2}) of the image's pretrained features to its {@code k}
 * nearest chest films in the bank held inside the graph. One ONNX Runtime session, opened by
 * {@link OrtSessions} (CPU); {@link #distances}
 * is thread-safe (ONNX Runtime sessions may be run concurrently).
 */
final class ContentCheck implements AutoCloseable {
    static final String INPUT = "image";
    static final String OUTPUT = "distance";
    /** Optional output: distance to a bank of parts (crops) of chest films. */
    static final String CROP_OUTPUT = "crop_distance";

    private final OrtSession session;
    private final int size;

    private ContentCheck(OrtSession session, int size) {
        this.session = session;
        this.size = size;
    }

    static ContentCheck open(Path onnx, int inputSize) throws GateLoadException {
        return open(onnx, inputSize, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    /** @param intraOpThreads ONNX Runtime threads per check, {@code >= 1} */
    static ContentCheck open(Path onnx, int inputSize, int intraOpThreads) throws GateLoadException {
        OrtSession session;
        try {
            session = OrtSessions.openCpu(onnx, "gate model", intraOpThreads);
        } catch (ModelLoadException e) {
            throw new GateLoadException(e.getMessage(), e);
        }
        try {
            checkSignature(onnx, session, inputSize);
        } catch (GateLoadException e) {
            OrtSessions.closeQuietly(session);
            throw e;
        }
        return new ContentCheck(session, inputSize);
    }

    private static void checkSignature(Path onnx, OrtSession s, int size) throws GateLoadException {
        try {
            var in = s.getInputInfo().get(INPUT);
            var out = s.getOutputInfo().get(OUTPUT);
            if (in == null || out == null || !(in.getInfo() instanceof TensorInfo ti)) {
                throw new GateLoadException(onnx + ": not a gate model (needs input '" + INPUT + "' and output '"
                        + OUTPUT + "'; has " + s.getInputNames() + " -> " + s.getOutputNames() + ")");
            }
            long[] shape = ti.getShape();
            if (shape.length != 4 || shape[1] != 1 || (shape[2] > 0 && shape[2] != size)
                    || (shape[3] > 0 && shape[3] != size)) {
                throw new GateLoadException(onnx + ": gate input shape " + java.util.Arrays.toString(shape)
                        + " does not match the card's input size " + size);
            }
        } catch (OrtException e) {
            throw new GateLoadException(onnx + ": cannot read the gate model's signature: " + e.getMessage(), e);
        }
    }

    /** Input side in pixels. */
    int size() {
        return size;
    }

    /**
     * Distances of a batch of planes.
     *
     * @param film per plane, mean cosine distance to the k nearest bank films
     * @param crop per plane, the same to the bank of film crops; {@code NaN} when the graph has none
     */
    record Distances(double[] film, double[] crop) { }

    /**
     * @param planes each {@code size*size} gray values {@code 0..255}, row-major; run as one batch
     */
    Distances distances(float[][] planes) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int n = size * size;
        FloatBuffer buf = FloatBuffer.allocate(planes.length * n);
        for (float[] p : planes) {
            buf.put(p, 0, n);
        }
        buf.flip();
        try (OnnxTensor x = OnnxTensor.createTensor(env, buf, new long[] {planes.length, 1, size, size});
             OrtSession.Result r = session.run(Map.of(INPUT, x))) {
            Object v = r.get(OUTPUT).orElseThrow(() -> new OrtException("no output " + OUTPUT)).getValue();
            Object c = r.get(CROP_OUTPUT).map(t -> {
                try {
                    return t.getValue();
                } catch (OrtException e) {
                    return null;
                }
            }).orElse(null);
            return new Distances(values(v, planes.length), values(c, planes.length));
        }
    }

    private static double[] values(Object v, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v instanceof float[] a ? a[i] : v instanceof float[][] m ? m[i][0] : Double.NaN;
        }
        return out;
    }

    @Override
    public void close() {
        OrtSessions.closeQuietly(session);
    }
}
