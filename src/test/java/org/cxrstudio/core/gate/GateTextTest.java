package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The gate's messages: the same keys in English and French, and decisions that read in both. */
class GateTextTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = GateText.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchHasExactlyTheEnglishKeysAndEveryPatternFormats() throws IOException {
        Properties en = load("gate.properties");
        Properties fr = load("gate_fr.properties");
        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        Object[] args = {0.5, 1.25, 2.0, 3.0};
        for (String key : en.stringPropertyNames()) {
            for (Locale l : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                String s = GateText.of(key, args).format(l);
                assertThat(s).as(key + " " + l).isNotBlank().doesNotContain("{").doesNotContain("''");
            }
            if (!key.equals("modality.name.ECG")) { // the same word in both languages
                assertThat(GateText.of(key, args).format(Locale.FRENCH)).as(key).isNotEqualTo(GateText.of(key, args).english());
            }
        }
    }

    @Test
    void aDecisionReadsInEnglishByDefaultAndInFrenchForTheViewer() {
        InputGate gate = InputGate.headerRulesOnly();
        GateDecision ct = gate.check(GateFixtures.dicom("CT", "", "CHEST"));
        assertThat(ct.message()).isEqualTo("CT (computed tomography) is not a chest radiograph");
        assertThat(ct.message(Locale.FRENCH)).isEqualTo("CT (tomodensitométrie) n'est pas une radiographie thoracique");
        assertThat(ct.message(Locale.GERMAN)).as("a language the gate does not have").isEqualTo(ct.message());

        GateDecision lateral = gate.check(GateFixtures.dicom("CR", "LL", "CHEST"));
        assertThat(lateral.message(Locale.FRENCH)).startsWith("Vue de profil (ViewPosition LL) : seules les radiographies");

        GateDecision colour = GateDecision.refuse(RefusalReason.COLOUR_IMAGE, GateText.of("colour", 61.44, 12.0, 77.4),
                Map.of());
        assertThat(colour.message()).isEqualTo(
                "Colour image: chest radiographs are grey (colourfulness 61.4, limit 12.0; 77.4 % coloured pixels)");
        assertThat(colour.message(Locale.FRENCH)).contains("indice de couleur 61,4, limite 12,0 ; 77,4 % de pixels colorés");
        // rounded as String.format rounds: 77.35 -> 77.4 (the binary double is just below 77.35)
        assertThat(GateText.of("colour", 61.44, 12.0, 77.35).english()).contains("77.4 % coloured pixels")
                .isEqualTo(String.format(Locale.ROOT, "Colour image: chest radiographs are grey (colourfulness %.1f, "
                        + "limit %.1f; %.1f %% coloured pixels)", 61.44, 12.0, 77.35));
    }

    @Test
    void everyNamedModalityAndSopKindHasItsWords() {
        for (String modality : List.of("CT", "MR", "US", "NM", "PT", "MG", "XA", "RF", "DF", "IO", "PX", "XC", "ES", "OP",
                "SM", "BMD", "OCT", "ECG", "SR", "RTIMAGE", "GM", "DG", "TG")) {
            GateDecision d = InputGate.headerRulesOnly().check(GateFixtures.dicom(modality, "", ""));
            assertThat(d.message()).as(modality).startsWith(modality + " (").doesNotContain("modality.name");
        }
        for (String uid : List.of("1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.3", "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.5.1.4.1.1.3.1", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.6.1",
                "1.2.840.10008.5.1.4.1.1.12.1", "1.2.840.10008.5.1.4.1.1.13.1.3", "1.2.840.10008.5.1.4.1.1.20",
                "1.2.840.10008.5.1.4.1.1.77.1.4", "1.2.840.10008.5.1.4.1.1.128", "1.2.840.10008.5.1.4.1.1.130")) {
            String kind = HeaderRules.otherSopClass(uid).orElseThrow();
            for (Locale l : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                assertThat(GateText.of("sop." + kind).format(l)).as(uid).doesNotStartWith("sop.");
            }
        }
    }
}
