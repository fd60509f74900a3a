package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.DevicePreference;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|cuda} of the commands that load TB models (a picocli mixin). */
final class DeviceOption {
    @Option(names = "--device", paramLabel = "auto|cpu|cuda", defaultValue = "auto",
            description = "auto: the GPU when CUDA is usable, else the CPU; cpu; or cuda (falls back to the CPU with a note) (default ${DEFAULT-VALUE}).")
    String device;

    /** The device choice; an unknown name is an {@link IllegalArgumentException}. */
    DevicePreference preference() {
        return DevicePreference.parse(device);
    }
}
