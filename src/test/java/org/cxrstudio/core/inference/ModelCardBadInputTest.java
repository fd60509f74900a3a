package org.cxrstudio.core.inference;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sidecar cards a fuzzer would write: each must give a {@link ModelLoadException} of one short
 * line naming the card, never a stack overflow or Gson's dump of the whole card.
 */
class ModelCardBadInputTest {
    static final String WHERE = "bad.card.json";

    static JsonObject valid() {
        return JsonParser.parseString(TbModelTest.card().toJson()).getAsJsonObject();
    }

    static void assertRefused(String json, String expected) {
        assertThatThrownBy(() -> ModelFiles.parse(json, WHERE))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(WHERE + ": ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\n"));
    }

    @Test
    void theValidCardReads() throws ModelLoadException {
        assertThat(ModelFiles.parse(valid().toString(), WHERE).classes()).containsExactly("tb");
    }

    @Test
    void deeplyNestedTrainingIsRefusedNotAStackOverflow() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        String json = valid().toString().replaceFirst("\"training\":\\{}", "\"training\":{\"x\":" + deep + "}");
        assertThat(json).contains("\"x\":{\"a\":");
        assertRefused(json, "nested deeper than");
        assertRefused("[".repeat(500_000), "nested deeper than");
    }

    @Test
    void bracketsInsideStringsDoNotCount() throws ModelLoadException {
        JsonObject c = valid();
        c.addProperty("name", "[".repeat(1000) + "\\\"{");
        assertThat(ModelFiles.parse(c.toString(), WHERE).name()).startsWith("[[[");
    }

    @ParameterizedTest
    @ValueSource(strings = {"classes", "preprocessing"})
    void aMissingRequiredFieldIsNamedWithoutDumpingTheCard(String field) {
        JsonObject c = valid();
        c.remove(field);
        assertRefused(c.toString(), "lacks preprocessing or classes");
        assertRefused("{}", "lacks preprocessing or classes");
    }

    @Test
    void aNullClassIsRefused() {
        JsonObject c = valid();
        c.add("classes", JsonParser.parseString("[\"tb\", null]"));
        assertRefused(c.toString(), "lacks preprocessing or classes");
    }

    @Test
    void aCalibrationWithoutMethodIsNamed() {
        JsonObject c = valid();
        c.add("calibration", JsonParser.parseString("{\"a\": 1, \"b\": 0, \"n\": 10, \"nPositive\": 5}"));
        assertRefused(c.toString(), "calibration.method must be 'platt'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"mean\": NaN", "\"mean\": Infinity", "\"mean\": -1e300", "\"std\": 1e-320",
            "\"std\": Infinity"})
    void fixedNormalizationNeedsAFiniteMeanAndAUsableStd(String value) {
        JsonObject c = valid();
        c.add("preprocessing", JsonParser.parseString(
                "{\"inputSize\": 64, \"normalization\": \"fixed\", \"mean\": 0.5, \"std\": 0.25}"));
        String key = value.substring(0, value.indexOf(':'));
        String json = c.toString().replaceFirst(key + ":[^,}]+", value.replace(" ", ""));
        assertThat(json).contains(value.replace(" ", ""));
        assertRefused(json, key.replace("\"", "") + " must be");
    }
}
