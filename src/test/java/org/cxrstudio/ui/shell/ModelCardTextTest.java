package org.cxrstudio.ui.shell;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.ui.overlay.FakeModels;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCardTextTest {

    @Test
    void describesCardWithValidationFirstAndReadableNumbers() {
        ModelCard c = FakeModels.card("student", 0.8041)
                .withValidation(Map.of("auc", 0.93199, "n", 318.0, "per_source", Map.of("shenzhen", Map.of("auc", 0.8))));
        String text = ModelCardText.describe(c, "CPU", "no CUDA provider");
        assertThat(text).startsWith("student 1.0\nArchitecture: student-s (student)\nInput: 64 px, per-image\n")
                .contains("Operating threshold: 0.804", "Device: CPU — no CUDA provider", "auc: 0.9320", "n: 318",
                        "per_source.shenzhen.auc: 0.8000", "epochs: 3");
        assertThat(text.indexOf("Validation:")).isLessThan(text.indexOf("Training:"));
        assertThat(ModelCardText.describe(null, "", "")).isEqualTo("No model loaded");
    }
}
