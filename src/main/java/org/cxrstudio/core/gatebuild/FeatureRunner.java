package org.cxrstudio.core.gatebuild;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.cxrstudio.core.inference.OrtSessions;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Runs the features-only gate graph on ONNX Runtime: a {@code S x S} gray plane in {@code 0..255}
 * to a unit 1280-vector. One session; not for concurrent use during the build.
 */
final class FeatureRunner implements AutoCloseable {
    private static final int THREADS = 2;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int size;

    FeatureRunner(byte[] model, int size) throws IOException {
        this.size = size;
        session = OrtSessions.openCpu(model, "gate feature graph", THREADS);
        env = OrtEnvironment.getEnvironment();
    }

    float[] features(float[] plane) throws IOException {
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(plane), new long[] {1, 1, size, size});
             OrtSession.Result r = session.run(Map.of(GateGraph.INPUT, x))) {
            return ((float[][]) r.get(GateGraph.FEATURES).orElseThrow().getValue())[0];
        } catch (OrtException | RuntimeException e) {
            throw new IOException("feature graph failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
