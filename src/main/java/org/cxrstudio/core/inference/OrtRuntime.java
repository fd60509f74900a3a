package org.cxrstudio.core.inference;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

import java.util.EnumSet;

/**
 * The process-wide ONNX Runtime environment. DJL's OnnxRuntime engine is started first so that
 * the native library is loaded the way DJL expects (the brief's rule: DJL before any raw
 * {@link OrtEnvironment} use). Thread-safe.
 */
final class OrtRuntime {
    private static OrtEnvironment env;

    private OrtRuntime() { }

    static synchronized OrtEnvironment environment() throws ModelLoadException {
        if (env == null) {
            try {
                Engine.getEngine("OnnxRuntime");
            } catch (RuntimeException e) {
                throw new ModelLoadException("cannot start DJL's ONNX Runtime engine: " + e.getMessage(), e);
            }
            env = OrtEnvironment.getEnvironment();
        }
        return env;
    }

    /** Execution providers compiled into the ONNX Runtime on the class path. */
    static EnumSet<OrtProvider> providers() {
        return OrtEnvironment.getAvailableProviders();
    }
}
