package org.cxrstudio.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The English and French bundles translate the same keys, with the same placeholders. */
class MessagesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)");

    @AfterEach
    void english() {
        Messages.useLocale(Locale.ENGLISH);
    }

    @Test
    void frenchHasExactlyTheEnglishKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        assertThat(en).hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(fr.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    }

    @Test
    void everyPatternParsesAndUsesTheSameArgumentsInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String f = fr.getProperty(key, "");
            assertThat(f).as(key).isNotBlank();
            assertThat(args(f)).as(key).isEqualTo(args(e));
            if (!args(e).isEmpty()) {
                new MessageFormat(e, Locale.ENGLISH); // throws on a broken pattern
                new MessageFormat(f, Locale.FRENCH);
            }
        }
    }

    @Test
    void frenchIsReadAsUtf8AndFormatsNumbersTheFrenchWay() {
        Messages.useLocale(Locale.FRENCH);
        assertThat(Messages.locale().getLanguage()).isEqualTo("fr");
        assertThat(Messages.get("menu.help")).isEqualTo("Aid_e");
        assertThat(Messages.get("slot.loading")).isEqualTo("Chargement du modèle…");
        assertThat(Messages.format("ai.threshold", 0.875)).isEqualTo("Seuil de décision 0,88");
        assertThat(Messages.number(1234.5, 1)).isEqualTo("1234,5");
    }

    @Test
    void anUntranslatedLanguageFallsBackToEnglishNotToTheSystemLanguage() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            Messages.useLocale(Locale.GERMAN);
            assertThat(Messages.get("menu.help")).isEqualTo("_Help");
            assertThat(Messages.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(Messages.format("ai.threshold", 0.875)).isEqualTo("Operating threshold 0.88");
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void aMissingKeyShowsTheKey() {
        assertThat(Messages.get("no.such.key")).isEqualTo("no.such.key");
    }

    private static Set<String> args(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
