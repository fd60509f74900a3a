package org.cxrstudio.core.training.onnx;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Runs an ONNX file on the CPU through ONNX Runtime (started via DJL's engine, per the brief). */
final class OrtSupport {
    private OrtSupport() {
    }

    /** Output name → flattened values and shape. */
    record Outputs(float[] probability, float[] cam, long[] camShape) {
    }

    static Outputs run(Path onnx, float[] input, int n, int size) throws OrtException {
        Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {n, 1, size, size});
             OrtSession.Result r = session.run(Map.of("input", x))) {
            OnnxTensor p = (OnnxTensor) r.get("probability").orElseThrow();
            OnnxTensor c = (OnnxTensor) r.get("cam").orElseThrow();
            return new Outputs(flat(p), flat(c), c.getInfo().getShape());
        }
    }

    private static float[] flat(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }
}
