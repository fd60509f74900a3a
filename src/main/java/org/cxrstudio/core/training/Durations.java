package org.cxrstudio.core.training;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations like {@code 25m}, {@code 1h30m}, {@code 90s}, {@code 2h}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])");

    private Durations() { }

    /** @throws IllegalArgumentException naming the text when it is not e.g. {@code 25m} or {@code 1h30m} */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(t);
        double seconds = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            double v = Double.parseDouble(m.group(1));
            seconds += switch (m.group(2)) {
                case "h" -> v * 3600;
                case "m" -> v * 60;
                default -> v;
            };
            end = m.end();
        }
        if (end != t.length() || end == 0 || seconds <= 0) {
            throw new IllegalArgumentException("bad duration '" + text + "' (use e.g. 25m, 1h30m, 90s)");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** E.g. {@code 1h05m}, {@code 12m30s}, {@code 45s}. */
    public static String format(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
