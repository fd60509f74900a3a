package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {

    private static EvalSample s(boolean positive, double score, String group) {
        return new EvalSample("f", positive, score, List.of(), null, List.of(), 100, 100, group);
    }

    private static final List<EvalSample> GROUPED = List.of(
            s(true, 0.9, "a"), s(true, 0.6, "a"), s(false, 0.7, "a"), s(false, 0.2, "a"),
            s(false, 0.1, "b"), s(false, 0.3, "b"));

    @Test
    void groupByAgainstHandComputedFigures() {
        Map<String, EvalSummary> groups = Evaluator.byGroup(GROUPED, 0.5, false);
        assertThat(groups).containsOnlyKeys("a", "b");
        EvalSummary a = groups.get("a");
        assertThat(a.n()).isEqualTo(4);
        assertThat(a.nPositive()).isEqualTo(2);
        assertThat(a.auc()).isCloseTo(0.75, within(1e-12));
        assertThat(a.sensitivity()).isEqualTo(1.0);
        assertThat(a.specificity()).isEqualTo(0.5);
        assertThat(a.thresholdAtSens90()).isEqualTo(0.6); // ceil(0.9 * 2) = both positives
        assertThat(a.specificityAtSens90()).isEqualTo(0.5);
        assertThat(a.note()).isNull();
        EvalSummary pooled = Evaluator.pooled(GROUPED, 0.5, false);
        assertThat(pooled.auc()).isCloseTo(7.0 / 8, within(1e-12));
        assertThat(pooled.miou()).isNull();
        assertThat(pooled.boxRecallIou30()).isNull();
        assertThat(pooled.dice()).isNull();
    }

    @Test
    void oneClassGroupGetsNullAucAndANoteButPooledOneClassFails() {
        EvalSummary b = Evaluator.byGroup(GROUPED, 0.5, false).get("b");
        assertThat(b.auc()).isNull();
        assertThat(b.thresholdAtSens90()).isNull();
        assertThat(b.sensitivity()).isNull();
        assertThat(b.specificity()).isEqualTo(1.0);
        assertThat(b.note()).contains("only non-TB images (2)");
        assertThat(b.toJsonMap()).containsEntry("auc", null).containsKey("note");
        assertThatThrownBy(() -> Evaluator.pooled(List.of(s(true, 0.2, ""), s(true, 0.3, "")), 0.5, false))
                .isInstanceOf(OneClassException.class).hasMessageContaining("only TB images (2)");
    }

    @Test
    void localizationOverPositiveImagesWithBoxes() {
        Box truth1 = new Box(0, 0, 10, 10, 1);
        Box truth2 = new Box(50, 50, 60, 60, 1);
        Heatmap uniform = new Heatmap(1, 1, new float[] {1f}, 100, 100);
        Heatmap zero = new Heatmap(1, 1, new float[] {0f}, 100, 100);
        List<EvalSample> samples = List.of(
                new EvalSample("p1", true, 0.9, List.of(new Box(5, 0, 15, 10, 0.8)), uniform, List.of(truth1), 100, 100, ""),
                new EvalSample("p2", true, 0.4, List.of(), zero, List.of(truth2), 100, 100, ""),
                // a positive without boxes does not count; boxes on a negative are ignored
                new EvalSample("p3", true, 0.8, List.of(), null, List.of(), 100, 100, ""),
                new EvalSample("n1", false, 0.1, List.of(), null, List.of(truth1), 100, 100, ""));
        EvalSummary sum = Evaluator.pooled(samples, 0.5, true);
        assertThat(sum.miou()).isCloseTo((1.0 / 3 + 0) / 2, within(1e-12));
        assertThat(sum.boxRecallIou30()).isEqualTo(0.5);
        assertThat(sum.dice()).isCloseTo((200.0 / 10100 + 0) / 2, within(1e-9));
        EvalSummary none = Evaluator.pooled(List.of(samples.get(2), samples.get(3)), 0.5, true);
        assertThat(none.miou()).isNull();
        assertThat(none.note()).contains("no TB image with ground-truth boxes");
    }

    @Test
    void reportJsonHasTheDocumentedFields() {
        EvalReport r = new EvalReport(Evaluator.pooled(GROUPED, 0.5, false), Evaluator.byGroup(GROUPED, 0.5, false),
                ShortcutCheck.run(GROUPED));
        String json = r.toJson();
        for (String f : List.of("\"n\"", "\"n_positive\"", "\"auc\"", "\"threshold\"", "\"sensitivity\"",
                "\"specificity\"", "\"threshold_at_sens90\"", "\"specificity_at_sens90\"", "\"miou\": null",
                "\"box_recall_iou30\": null", "\"dice\": null", "\"groups\"", "\"shortcut_check\"")) {
            assertThat(json).contains(f);
        }
    }

    @Test
    void shortcutCheckOnASyntheticCaseWithAKnownAnswer() {
        List<EvalSample> samples = List.of(
                s(true, 0.9, "tbx11k-tb"), s(true, 0.8, "tbx11k-tb"), s(true, 0.7, "tbx11k-tb"),
                s(true, 0.6, "shenzhen"), s(true, 0.5, "shenzhen"),
                s(false, 0.1, "nih-cxr14"), s(false, 0.3, "nih-cxr14"),
                s(false, 0.3, "shenzhen"), s(false, 0.1, "shenzhen"));
        List<ShortcutCheck.Pair> pairs = ShortcutCheck.run(samples);
        assertThat(pairs).hasSize(2);
        ShortcutCheck.Pair tb = pairs.get(0);
        assertThat(tb.label()).isEqualTo("tb");
        assertThat(tb.sourceA()).isEqualTo("shenzhen");
        assertThat(tb.sourceB()).isEqualTo("tbx11k-tb");
        assertThat(tb.nA()).isEqualTo(2);
        assertThat(tb.nB()).isEqualTo(3);
        assertThat(tb.auc()).isZero(); // every Shenzhen TB scores below every TBX11K TB: source fully encoded
        assertThat(tb.separability()).isEqualTo(1.0);
        ShortcutCheck.Pair normal = pairs.get(1);
        assertThat(normal.label()).isEqualTo("non_tb");
        assertThat(normal.auc()).isEqualTo(0.5); // identical score distributions: no source information
    }
}
