package org.cxrstudio.core.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Chooses the execution provider for a session. CUDA is attempted only for {@link
 * DevicePreference#AUTO}/{@link DevicePreference#CUDA} and only when the ONNX Runtime on the
 * class path is the GPU build ({@code mvn -Pcuda}); {@code addCUDA} throws without the CUDA
 * libraries or a GPU, and then the session runs on the CPU with the reason logged and kept.
 */
final class DeviceSelector {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelector.class);

    /** Enables CUDA on session options; a seam for tests. */
    interface CudaEnabler {
        void enable(OrtSession.SessionOptions options) throws OrtException;
    }

    /** The outcome: device label ({@code "CPU"} or {@code "CUDA:0"}) and why. */
    record Choice(String device, String reason) {
        boolean cuda() {
            return device.startsWith("CUDA");
        }
    }

    static final CudaEnabler REAL = options -> options.addCUDA(0);

    private DeviceSelector() { }

    /** Configures {@code options} for the preference and says what was chosen. */
    static Choice configure(OrtSession.SessionOptions options, DevicePreference pref, Set<OrtProvider> providers,
                            CudaEnabler cuda) {
        if (pref == DevicePreference.CPU) {
            return new Choice("CPU", "CPU requested");
        }
        if (!providers.contains(OrtProvider.CUDA)) {
            return fallback(pref, "this ONNX Runtime build has no CUDA execution provider (build with -Pcuda for the GPU build)");
        }
        try {
            cuda.enable(options);
            return new Choice("CUDA:0", "CUDA execution provider enabled");
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            return fallback(pref, "CUDA unavailable: " + e.getMessage());
        }
    }

    static Choice fallback(DevicePreference pref, String why) {
        String reason = why + "; running on CPU";
        if (pref == DevicePreference.CUDA) {
            LOG.warn("CUDA requested but not usable: {}", reason);
        } else {
            LOG.info("device: {}", reason);
        }
        return new Choice("CPU", reason);
    }
}
