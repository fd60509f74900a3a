package org.cxrstudio.core.inference;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Starts a DJL engine and runs one tiny tensor operation on it, so an installed copy can
 * prove that its native libraries load (offline, from the bundled jars) before a user
 * depends on them. Used by the {@code engines} command and the installer check.
 *
 * <p>Starting the PyTorch engine the first time unpacks libtorch (about 450 MB) from the
 * bundled {@code pytorch-native-cpu} jar into {@link #nativeCacheDir()}; later starts reuse
 * it. ONNX Runtime unpacks its small natives to the temp directory on every start.
 *
 * <p>Not thread-safe with respect to the first start of an engine (DJL's own limitation);
 * call from one thread.
 */
public final class EngineCheck {

    /** Engine names as DJL knows them. */
    public static final String ONNX_RUNTIME = "OnnxRuntime";
    public static final String PYTORCH = "PyTorch";

    private EngineCheck() { }

    /**
     * Starts {@code engineName} and computes {@code sum([1, 2, 3])} on it.
     *
     * @return the outcome; never throws for a missing or broken engine (the failure is in
     *         {@link EngineStatus#detail()})
     */
    public static EngineStatus check(String engineName) {
        long start = System.nanoTime();
        try {
            Engine engine = Engine.getEngine(engineName);
            float sum;
            try (NDManager manager = engine.newBaseManager()) {
                NDArray a = manager.create(new float[] {1f, 2f, 3f});
                sum = engine.getEngineName().equals(ONNX_RUNTIME) ? sumOnHost(a) : a.sum().getFloat();
            }
            if (sum != 6f) {
                return fail(engineName, "tensor arithmetic gave " + sum + " instead of 6", start);
            }
            String detail = String.format(Locale.ROOT, "version %s, device %s",
                    engine.getVersion(), engine.defaultDevice());
            return new EngineStatus(engineName, true, detail, elapsedMs(start));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return fail(engineName, e.getClass().getSimpleName() + ": " + e.getMessage(), start);
        }
    }

    /** Where DJL unpacks engine natives (libtorch): {@code DJL_CACHE_DIR} or {@code ~/.djl.ai}. */
    public static Path nativeCacheDir() {
        return Utils.getEngineCacheDir();
    }

    /** ONNX Runtime's NDArray has no operators of its own; reading the data back proves the round trip. */
    private static float sumOnHost(NDArray a) {
        float s = 0;
        for (float v : a.toFloatArray()) {
            s += v;
        }
        return s;
    }

    private static EngineStatus fail(String name, String detail, long start) {
        return new EngineStatus(name, false, detail, elapsedMs(start));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * @param engine    DJL engine name
     * @param ok        whether the engine started and computed correctly
     * @param detail    version and device, or the failure
     * @param millis    wall time of the check, including any first-use unpacking
     */
    public record EngineStatus(String engine, boolean ok, String detail, long millis) { }
}
