package org.cxrstudio.core.training;

import com.google.gson.GsonBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline comparison's keys and their order in the model card. */
class ComparisonJsonTest {

    @Test
    void rowsKeepTheirSnakeCaseKeysInOrder() {
        Map<String, Double> src = new LinkedHashMap<>();
        src.put("siteA", 0.75);
        Comparison.Row teacher = new Comparison.Row("teacher", src, 0.75, 0.8, 0.5, 0.25, 0.5, null);
        Comparison.Row base = new Comparison.Row("student-alone", Map.of(), 0.5, 0.5, 0.25, null, 0.0, 12.0);
        Comparison.Row dist = new Comparison.Row("distilled", Map.of(), 0.625, 0.5, 0.25, null, 0.0, 30.5);
        String json = new GsonBuilder().serializeNulls().create().toJson(Comparison.of(teacher, base, dist).toJsonMap());
        assertThat(json).isEqualTo("{\"rows\":["
                + "{\"model\":\"teacher\",\"source_auc\":{\"siteA\":0.75},\"same_source_auc\":0.75,\"pooled_auc\":0.8,"
                + "\"specificity_at_sens90\":0.5,\"miou\":0.25,\"box_recall_iou30\":0.5,\"training_seconds\":null},"
                + "{\"model\":\"student-alone\",\"source_auc\":{},\"same_source_auc\":0.5,\"pooled_auc\":0.5,"
                + "\"specificity_at_sens90\":0.25,\"miou\":null,\"box_recall_iou30\":0.0,\"training_seconds\":12.0},"
                + "{\"model\":\"distilled\",\"source_auc\":{},\"same_source_auc\":0.625,\"pooled_auc\":0.5,"
                + "\"specificity_at_sens90\":0.25,\"miou\":null,\"box_recall_iou30\":0.0,\"training_seconds\":30.5}],"
                + "\"distilled_beats_baseline\":true,"
                + "\"verdict\":\"distilled student beats the student trained from labels alone\"}");
    }
}
