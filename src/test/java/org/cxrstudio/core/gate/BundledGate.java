package org.cxrstudio.core.gate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bundled gate ({@code models/gate.onnx}) for a test class: loaded before its tests, closed
 * after them; the class is skipped with a message when the file is absent. Use as
 * {@code @RegisterExtension static final BundledGate GATE = new BundledGate();}.
 */
final class BundledGate implements BeforeAllCallback, AfterAllCallback {
    private static final Path MODEL = Path.of(InputGate.DEFAULT_MODEL);
    private InputGate gate;

    @Override
    public void beforeAll(ExtensionContext context) throws GateLoadException {
        assumeTrue(Files.isRegularFile(MODEL), MODEL + " absent: build it with build-gate; test skipped");
        gate = InputGate.load(MODEL);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (gate != null) {
            gate.close();
        }
    }

    /** The loaded gate. */
    InputGate get() {
        return gate;
    }
}
