package org.cxrstudio.ui;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * UI strings from {@code org/cxrstudio/ui/messages.properties} (English) and
 * {@code messages_fr.properties} (French), in one locale for the whole run: the system's, or the
 * one the user chose (View ▸ Language), set by the application once at start-up before any view
 * is built ({@link #useLocale}); a change applies on the next start. The files are UTF-8 (the
 * default encoding of {@code .properties} bundles since Java 9). Patterns use
 * {@link MessageFormat}, so numbers and dates come out in the bundle's locale ("0,87" in French).
 * Thread-safe: the bundle is replaced atomically and read-only.
 */
public final class Messages {
    /** The languages the bundles translate, in menu order. */
    public static final List<Locale> AVAILABLE = List.of(Locale.ENGLISH, Locale.FRENCH);
    private static final String BASE = "org.cxrstudio.ui.messages";
    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Messages() { }

    /**
     * Uses {@code locale}'s language from now on; a language without a bundle falls back to
     * English. Call before building views: texts already on screen keep their language.
     */
    public static void useLocale(Locale locale) {
        bundle = load(Objects.requireNonNull(locale, "locale"));
    }

    /** The locale of the strings in use ({@link Locale#ENGLISH} or {@link Locale#FRENCH}). */
    public static Locale locale() {
        Locale l = bundle.getLocale();
        return l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }

    /** The text for {@code key}, or the key itself when missing (visible but not fatal). */
    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The pattern for {@code key} filled with {@code args} ({@link MessageFormat}, in {@link #locale()}). */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    /** {@code value} with exactly {@code decimals} fraction digits in {@link #locale()} ("0.87", "0,87"). */
    public static String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setGroupingUsed(false);
        return f.format(value);
    }

    /** Date and time in {@link #locale()}'s medium style ("2 déc. 2026, 21:05:09"). */
    public static DateTimeFormatter dateTime() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale());
    }

    private static ResourceBundle load(Locale locale) {
        // no fallback to the system locale: a French system asking for English must get English
        return ResourceBundle.getBundle(BASE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
