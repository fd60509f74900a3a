package org.cxrstudio.core.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A gate message as a key of {@code org/cxrstudio/core/gate/gate.properties} and its arguments,
 * so that one decision reads in English on the command line, in logs and in files, and in the
 * user's language in the viewer. An argument that is itself a {@code GateText} (a view kind, a
 * modality's name) is formatted in the same language. Numbers are formatted for the locale by the
 * patterns and rounded half up from their shortest decimal form, as {@code String.format} does.
 * Immutable.
 *
 * @param key  the bundle key
 * @param args the pattern's arguments: numbers, strings or {@code GateText}
 */
public record GateText(String key, List<Object> args) {
    private static final String BUNDLE = "org.cxrstudio.core.gate.gate";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public GateText {
        Objects.requireNonNull(key, "key");
        args = args.stream().map(a -> a == null ? (Object) "" : a).toList();
    }

    /** A text from its key and arguments. */
    public static GateText of(String key, Object... args) {
        return new GateText(key, Arrays.asList(args));
    }

    /** In English, as the command line, logs and files show it. */
    public String english() {
        return format(Locale.ENGLISH);
    }

    /** In {@code locale}'s language when the gate has it (English and French), else English. */
    public String format(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        Object[] values = args.stream().map(a -> a instanceof GateText t ? t.format(locale)
                : a instanceof Double d && Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : a).toArray();
        MessageFormat pattern = new MessageFormat(bundle.getString(key), locale);
        for (Format f : pattern.getFormats()) {
            if (f instanceof DecimalFormat decimal) {
                decimal.setRoundingMode(RoundingMode.HALF_UP);   // as String.format rounds
            }
        }
        return pattern.format(values);
    }
}
