package org.cxrstudio.core.inference;

import java.util.Locale;

/** Where the user wants a model to run. Whatever is asked, a model that cannot use CUDA runs on the CPU. */
public enum DevicePreference {
    /** CUDA when the GPU build of ONNX Runtime and a usable GPU are present, else CPU. */
    AUTO,
    /** CPU only. */
    CPU,
    /** Try CUDA; falls back to CPU with the reason kept (never fails for lack of a GPU). */
    CUDA;

    /**
     * Parses {@code auto}, {@code cpu} or {@code cuda} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DevicePreference parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown device '" + text + "' (auto, cpu or cuda)", e);
        }
    }
}
