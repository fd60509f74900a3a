package org.cxrstudio.ui.shell;

import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.ui.Messages;

import java.util.Locale;
import java.util.Map;

/** The model card as plain text for the side panel: one attribute per line, validation first. Pure. */
final class ModelCardText {
    private ModelCardText() { }

    /** Text of the card, one attribute per line. */
    static String describe(ModelCard c, String device, String deviceReason) {
        if (c == null) {
            return Messages.get("card.none");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(c.name()).append(' ').append(c.version()).append('\n')
                .append(Messages.format("card.architecture", c.architecture(), c.role())).append('\n')
                .append(Messages.format("card.input", c.preprocessing().inputSize(), c.preprocessing().normalization()))
                .append(Preprocessing.CROP_NONE.equals(c.preprocessing().crop()) ? ""
                        : Messages.format("card.crop", c.preprocessing().crop()))
                .append('\n')
                .append(Messages.format("card.threshold", c.threshold())).append('\n')
                .append(Messages.format("card.device", device)).append(deviceReason.isEmpty() ? "" : " — " + deviceReason).append('\n');
        section(sb, Messages.get("card.validation"), c.validation());
        section(sb, Messages.get("card.training"), c.training());
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
                    double d = n.doubleValue();
                    v = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.4g", d);
                }
                sb.append("  ").append(key).append(": ").append(v.length() > 200 ? v.substring(0, 200) + "…" : v).append('\n');
            }
        }
    }
}
