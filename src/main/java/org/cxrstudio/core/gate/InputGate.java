package org.cxrstudio.core.gate;

import org.cxrstudio.core.imaging.Radiograph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** STUB until branch gate lands (GATE-API.md): header rules only (Modality). */
public final class InputGate implements AutoCloseable {
    private final boolean enabled;

    private InputGate(boolean enabled) {
        this.enabled = enabled;
    }

    public static InputGate load(Path gateModel) throws GateLoadException {
        if (!Files.isRegularFile(gateModel)) {
            throw new GateLoadException(gateModel + ": gate model not found");
        }
        return new InputGate(true);
    }

    public static InputGate loadDefault() throws GateLoadException {
        return load(Path.of("models/gate.onnx"));
    }

    public static InputGate headerRulesOnly() {
        return new InputGate(true);
    }

    public static InputGate disabled() {
        return new InputGate(false);
    }

    public GateDecision check(Radiograph r) {
        String modality = r.metadata().getOrDefault("Modality", "");
        if (enabled && !modality.isEmpty() && !modality.equals("CR") && !modality.equals("DX")) {
            return GateDecision.refuse(RefusalReason.NOT_RADIOGRAPH_MODALITY, modality + " is not a chest radiograph", Map.of());
        }
        return enabled ? GateDecision.accept(Map.of()) : new GateDecision(true, java.util.Optional.empty(), "gate off", Map.of());
    }

    @Override
    public void close() { }
}
