package org.cxrstudio.core.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SiteProfileTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void wilsonMatchesPublishedValues() {
        // Newcombe (1998), Table I: 9/10 -> 0.5958 to 0.9821; 0/5 -> 0 to 0.4345
        Wilson.Interval a = Wilson.interval95(9, 10);
        assertThat(a.lower()).isCloseTo(0.5958, within(1e-4));
        assertThat(a.upper()).isCloseTo(0.9821, within(1e-4));
        Wilson.Interval b = Wilson.interval95(0, 5);
        assertThat(b.lower()).isEqualTo(0.0);
        assertThat(b.upper()).isCloseTo(0.4345, within(1e-4));
        assertThatThrownBy(() -> Wilson.interval95(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** TB {0.9, 0.8, 0.6, 0.3}, non-TB {0.7, 0.5, 0.2, 0.1}: sensitivity 0.75 needs the 3rd TB score, 0.6. */
    private static SiteProfile handCase() {
        double[] s = {0.9, 0.8, 0.6, 0.3, 0.7, 0.5, 0.2, 0.1};
        boolean[] y = {true, true, true, true, false, false, false, false};
        return SiteProfile.calibrate("Clinic X", "2026-12-02", "cxr-student-s", SHA, s, y, 0.75, 2, "test films");
    }

    @Test
    void calibratesAtTheHighestThresholdReachingTheTarget() {
        SiteProfile p = handCase();
        assertThat(p.threshold()).isEqualTo(0.6);
        assertThat(p.point()).isEqualTo(new OperatingPoint(0.6, 3, 1, 3, 1));
        assertThat(p.point().sensitivity()).isEqualTo(0.75);
        assertThat(p.point().specificity()).isEqualTo(0.75);
        assertThat(p.sensitivityCi()).isEqualTo(Wilson.interval95(3, 4));
        assertThat(p.label()).isEqualTo("Clinic X (2026-12-02)");
        assertThatThrownBy(() -> SiteProfile.calibrate("c", "d", "m", SHA, new double[] {0.1, 0.2},
                new boolean[] {false, false}, 0.9, 0, "")).isInstanceOf(OneClassException.class)
                .hasMessageContaining("TB and non-TB");
    }

    @Test
    void roundTripsThroughItsFile() throws IOException {
        SiteProfile p = handCase();
        Path f = dir.resolve("site.json");
        p.write(f);
        SiteProfile back = SiteProfile.read(f);
        assertThat(back).isEqualTo(p);
        assertThat(Files.readString(f)).contains("\"model_sha256\": \"" + SHA + "\"", "\"refused\": 2",
                "\"sensitivity_ci95\"", "\"interval_method\": \"wilson\"");
    }

    @Test
    void refusesAnotherModelAndBadFiles() throws IOException {
        SiteProfile p = handCase();
        p.requireModel(SHA.toUpperCase(), "student.onnx"); // same file: accepted
        assertThatThrownBy(() -> p.requireModel("cd".repeat(32), "teacher.onnx"))
                .isInstanceOf(SiteProfileException.class)
                .hasMessageContaining("was made for model cxr-student-s")
                .hasMessageContaining("not for teacher.onnx")
                .hasMessageContaining("calibrate-threshold");
        assertThatThrownBy(() -> SiteProfile.read(dir.resolve("none.json"))).hasMessageContaining("site profile not found");
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"site\": \"x\"}");
        assertThatThrownBy(() -> SiteProfile.read(junk)).isInstanceOf(SiteProfileException.class)
                .hasMessageContaining("not a valid site profile");
        Path f = dir.resolve("site.json");
        p.write(f);
        Files.writeString(f, Files.readString(f).replace("\"threshold\": 0.6", "\"threshold\": 1.6"));
        assertThatThrownBy(() -> SiteProfile.read(f)).hasMessageContaining("threshold must be in 0..1");
    }

    /** Each: a field of a written profile replaced by a value of the wrong type or out of range. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"site\": \"Clinic X\"|\"site\": {\"a\": 1}|'site' must be a string",
        "\"site\": \"Clinic X\"|\"site\": [\"Clinic X\"]|'site' must be a string",
        "\"threshold\": 0.6|\"threshold\": {}|'threshold' must be a number",
        "\"threshold\": 0.6|\"threshold\": [0.6]|'threshold' must be a number",
        "\"tp\": 3|\"tp\": 1e12|counts.tp must be a whole number >= 0",
        "\"tp\": 3|\"tp\": 2.5|counts.tp must be a whole number >= 0",
        "\"tp\": 3|\"tp\": -1|counts.tp must be a whole number >= 0",
        "\"counts\": {|\"counts\": [], \"x\": {|'counts' must be an object",
        "\"sensitivity_ci95\": [|\"sensitivity_ci95\": [NaN, 5], \"y\": [|'sensitivity_ci95'[0] must be a number",
        "\"sensitivity_ci95\": [|\"sensitivity_ci95\": [0.9, 0.1], \"y\": [|'sensitivity_ci95' must be [lower, upper] with",
        "\"sensitivity_ci95\": [|\"sensitivity_ci95\": {}, \"y\": [|'sensitivity_ci95' must be [lower, upper]",
    })
    void aWrongTypeOrRangeIsNamed(String find, String replace, String expected) throws IOException {
        Path f = dir.resolve("site.json");
        handCase().write(f);
        String text = Files.readString(f);
        assertThat(text).contains(find);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace)));
        assertThatThrownBy(() -> SiteProfile.read(f)).isInstanceOf(SiteProfileException.class)
                .hasMessageStartingWith(f + ": not a valid site profile (")
                .hasMessageContaining(expected);
    }

    @Test
    void aFileThatIsNotAnObjectIsNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("site.json"), "[1]");
        assertThatThrownBy(() -> SiteProfile.read(f)).isInstanceOf(SiteProfileException.class)
                .hasMessageContaining("expected a JSON object");
    }
}
