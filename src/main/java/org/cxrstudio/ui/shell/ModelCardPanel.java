package org.cxrstudio.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;

import java.util.Locale;
import java.util.Map;

/**
 * Model card summary of a slot's model: name, version, architecture, role, input, threshold,
 * how it was trained and how it validated (flattened key: value lines).
 */
public final class ModelCardPanel extends ScrollPane {
    private final Label text = new Label("No model loaded");

    public ModelCardPanel(ModelSlotViewModel slot) {
        text.setId("modelCard");
        text.setWrapText(true);
        text.setPadding(new Insets(8));
        setContent(new VBox(text));
        setFitToWidth(true);
        slot.cardProperty().addListener((o, a, c) -> text.setText(describe(c, slot.deviceProperty().get(),
                slot.deviceReasonProperty().get())));
    }

    /** Text of the card, one attribute per line. */
    static String describe(ModelCard c, String device, String deviceReason) {
        if (c == null) {
            return "No model loaded";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(c.name()).append(' ').append(c.version()).append('\n')
                .append("Architecture: ").append(c.architecture()).append(" (").append(c.role()).append(")\n")
                .append("Input: ").append(c.preprocessing().inputSize()).append(" px, ")
                .append(c.preprocessing().normalization()).append('\n')
                .append(String.format(Locale.ROOT, "Operating threshold: %.3f%n", c.threshold()))
                .append("Device: ").append(device).append(deviceReason.isEmpty() ? "" : " — " + deviceReason).append('\n');
        section(sb, "Training", c.training());
        section(sb, "Validation", c.validation());
        if (!c.sha256().isEmpty()) {
            sb.append("\nSHA-256: ").append(c.sha256());
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Map<String, Object> m) {
        if (m.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append(":\n");
        flatten(sb, "", m, 0);
    }

    private static void flatten(StringBuilder sb, String prefix, Map<?, ?> m, int depth) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> inner && depth < 3) {
                flatten(sb, key, inner, depth + 1);
            } else {
                String v = String.valueOf(e.getValue());
                if (e.getValue() instanceof Number n) {
                    v = String.format(Locale.ROOT, "%.4g", n.doubleValue());
                }
                sb.append("  ").append(key).append(": ").append(v.length() > 200 ? v.substring(0, 200) + "…" : v).append('\n');
            }
        }
    }
}
