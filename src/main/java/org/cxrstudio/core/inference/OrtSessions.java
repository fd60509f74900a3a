package org.cxrstudio.core.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The one way the app opens an ONNX Runtime session, for every model it runs: the TB model
 * ({@link TbModel}), the distillation teacher, the gate's content check and the gate build's
 * feature graph. It starts the process-wide environment (DJL's engine first, {@link OrtRuntime}),
 * builds the session options (intra-op threads; CUDA with a CPU fallback when CUDA cannot start,
 * {@link DeviceSelector}), and turns every failure into a {@link ModelLoadException} naming the
 * file and the problem (missing file, not ONNX, threads not settable). {@link #checkedSidecar}
 * reads a model's sidecar card and checks the file against its SHA-256.
 *
 * <pre>{@code
 * ModelCard card = OrtSessions.checkedSidecar(onnx, "teacher model"); // null without a sidecar
 * OrtSession s = OrtSessions.openCpu(onnx, "teacher model", 4);
 * }</pre>
 *
 * <p>Stateless and thread-safe; the caller owns (and closes) the returned session.
 */
public final class OrtSessions {
    private static final Logger LOG = LoggerFactory.getLogger(OrtSessions.class);

    /**
     * An open session and the device it runs on.
     *
     * @param device       {@code "CPU"} or {@code "CUDA:0"}
     * @param deviceReason why that device, e.g. the CUDA error that caused the CPU fallback
     */
    public record Opened(OrtSession session, String device, String deviceReason) { }

    /** Creates the session from prepared options; a file path or in-memory bytes. */
    private interface Creator {
        OrtSession create(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException;
    }

    private OrtSessions() { }

    /**
     * Opens {@code onnx} on the CPU.
     *
     * @param what           what the file is, for messages ({@code "teacher model"}, {@code "gate model"})
     * @param intraOpThreads ONNX Runtime threads per {@code run}; {@code 0} lets ONNX Runtime choose
     * @throws ModelLoadException naming the file: missing, not loadable, threads not settable
     */
    public static OrtSession openCpu(Path onnx, String what, int intraOpThreads) throws ModelLoadException {
        return open(onnx, what, DevicePreference.CPU, intraOpThreads).session();
    }

    /**
     * Opens an in-memory model on the CPU.
     *
     * @param where names the model in messages (e.g. {@code "gate feature graph"})
     */
    public static OrtSession openCpu(byte[] model, String where, int intraOpThreads) throws ModelLoadException {
        return open((env, o) -> env.createSession(model, o), where, "model", DevicePreference.CPU, intraOpThreads,
                Set.of(), DeviceSelector.REAL).session();
    }

    /**
     * Opens {@code onnx} on the preferred device: CUDA when asked for (or {@link
     * DevicePreference#AUTO}) and usable, else the CPU with the reason in {@link Opened#deviceReason()}.
     */
    public static Opened open(Path onnx, String what, DevicePreference preference, int intraOpThreads)
            throws ModelLoadException {
        return open(onnx, what, preference, intraOpThreads, OrtRuntime.providers(), DeviceSelector.REAL);
    }

    /** As {@link #open(Path, String, DevicePreference, int)} with the providers and CUDA switch given (tests). */
    static Opened open(Path onnx, String what, DevicePreference preference, int intraOpThreads,
                       Set<OrtProvider> providers, DeviceSelector.CudaEnabler cuda) throws ModelLoadException {
        requireFile(onnx, what);
        return open((env, o) -> env.createSession(onnx.toString(), o), onnx.toString(), what, preference,
                intraOpThreads, providers, cuda);
    }

    private static Opened open(Creator creator, String where, String what, DevicePreference preference,
                               int intraOpThreads, Set<OrtProvider> providers, DeviceSelector.CudaEnabler cuda)
            throws ModelLoadException {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, got " + intraOpThreads);
        }
        OrtEnvironment env = OrtRuntime.environment();
        DeviceSelector.Choice choice;
        String cudaFailure;
        try (OrtSession.SessionOptions opts = options(where, intraOpThreads)) {
            choice = DeviceSelector.configure(opts, preference, providers, cuda);
            try {
                return new Opened(creator.create(env, opts), choice.device(), choice.reason());
            } catch (OrtException | RuntimeException e) {
                if (!choice.cuda()) {
                    throw notLoadable(where, what, e);
                }
                cudaFailure = e.getMessage();
            }
        }
        // CUDA was configured but the session could not start on it: retry on the CPU
        try (OrtSession.SessionOptions cpu = options(where, intraOpThreads)) {
            OrtSession session = creator.create(env, cpu);
            choice = DeviceSelector.fallback(preference, "CUDA session failed to start (" + cudaFailure + ")");
            return new Opened(session, choice.device(), choice.reason());
        } catch (OrtException | RuntimeException e) {
            throw notLoadable(where, what, e);
        }
    }

    private static OrtSession.SessionOptions options(String where, int intraOpThreads) throws ModelLoadException {
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        if (intraOpThreads > 0) {
            try {
                opts.setIntraOpNumThreads(intraOpThreads);
            } catch (OrtException e) {
                opts.close();
                throw new ModelLoadException(where + ": cannot set " + intraOpThreads + " intra-op threads ("
                        + e.getMessage() + ")", e);
            }
        }
        return opts;
    }

    private static ModelLoadException notLoadable(String where, String what, Exception e) {
        // ONNX Runtime's messages may span lines (a C++ source location, then the reason): keep one line
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        return new ModelLoadException(where + ": not a loadable ONNX " + what + " (" + m + ")", e);
    }

    /**
     * The sidecar card {@code <name>.card.json} of {@code onnx}, with the file checked against the
     * card's SHA-256 (a card without a hash is accepted with a warning).
     *
     * @param what what the file is, for messages ({@code "model"}, {@code "teacher model"})
     * @return {@code null} when there is no sidecar card
     * @throws ModelLoadException when the model file is missing, the card cannot be read or the hash
     *                            does not match, naming both files
     */
    public static ModelCard checkedSidecar(Path onnx, String what) throws ModelLoadException {
        requireFile(onnx, what);
        ModelCard sidecar = ModelFiles.readSidecar(onnx);
        if (sidecar != null) {
            ModelFiles.verifyHash(onnx, sidecar, ModelFiles.sidecar(onnx));
            if (sidecar.sha256().isBlank()) {
                LOG.warn("{}: card has no SHA-256; file integrity not checked", onnx);
            }
        }
        return sidecar;
    }

    private static void requireFile(Path onnx, String what) throws ModelLoadException {
        if (!Files.isRegularFile(onnx)) {
            throw new ModelLoadException(onnx + ": " + what + " file not found");
        }
        long size;
        try {
            size = Files.size(onnx);
        } catch (java.io.IOException e) {
            throw new ModelLoadException(onnx + ": cannot read " + what + " file (" + e.getMessage() + ")", e);
        }
        if (size == 0) { // ONNX Runtime's own words: a C++ signature and "ModelProto does not have a graph"
            throw new ModelLoadException(onnx + ": " + what + " file is empty (0 bytes)");
        }
    }

    /** Closes a session, logging (not throwing) a failure; {@code null} is ignored. */
    public static void closeQuietly(OrtSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            LOG.debug("closing session", e);
        }
    }
}
