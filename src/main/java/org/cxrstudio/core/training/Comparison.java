package org.cxrstudio.core.training;

import com.google.gson.annotations.SerializedName;
import org.cxrstudio.core.eval.EvalSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teacher vs student trained from labels alone vs distilled student, on the same validation
 * split: the evidence that distillation helped (issue "a teacher worth distilling"). A distilled
 * student that does not beat its baseline on same-source AUC and on mIoU is flagged.
 *
 * @param rows    teacher, student-alone, distilled (in that order)
 * @param verdict one sentence: whether the distilled student beat its baseline
 * @param beatsBaseline distilled > baseline on same-source AUC and on mIoU (where defined)
 */
public record Comparison(List<Row> rows, String verdict, boolean beatsBaseline) {

    /**
     * One model's figures. Gson writes a row under the keys its {@link SerializedName}s give
     * (the component's own name where there is none).
     *
     * @param model           {@code teacher}, {@code student-alone} or {@code distilled}
     * @param sourceAuc       AUC per two-class source
     * @param sameSourceAuc   mean of {@code sourceAuc}
     * @param pooledAuc       AUC over all validation images
     * @param specAtSens90    pooled specificity at 90 % sensitivity
     * @param miou            mIoU on TB images with boxes
     * @param boxRecall       share of ground-truth boxes found (IoU ≥ 0.3)
     * @param trainingSeconds training time, or {@code null} when unknown (teacher without it in its card)
     */
    public record Row(String model,
                      @SerializedName("source_auc") Map<String, Double> sourceAuc,
                      @SerializedName("same_source_auc") Double sameSourceAuc,
                      @SerializedName("pooled_auc") Double pooledAuc,
                      @SerializedName("specificity_at_sens90") Double specAtSens90,
                      Double miou,
                      @SerializedName("box_recall_iou30") Double boxRecall,
                      @SerializedName("training_seconds") Double trainingSeconds) {
        static Row of(String model, Validation v, Double seconds) {
            EvalSummary p = v.report().pooled();
            Map<String, Double> src = new LinkedHashMap<>();
            v.report().groups().forEach((g, s) -> {
                if (s.auc() != null) {
                    src.put(g, s.auc());
                }
            });
            return new Row(model, src, v.sameSourceAuc(), p.auc(), p.specificityAtSens90(), p.miou(),
                    p.boxRecallIou30(), seconds);
        }

        /** From the validation map of a model card ({@code EvalReport} JSON plus {@code same_source_auc}). */
        static Row of(String model, Map<String, Object> v, Double seconds) {
            Map<String, Double> src = new LinkedHashMap<>();
            if (v.get("groups") instanceof Map<?, ?> groups) {
                groups.forEach((g, s) -> {
                    if (s instanceof Map<?, ?> m && m.get("auc") instanceof Number a) {
                        src.put(String.valueOf(g), a.doubleValue());
                    }
                });
            }
            return new Row(model, src, num(v.get("same_source_auc")), num(v.get("auc")),
                    num(v.get("specificity_at_sens90")), num(v.get("miou")), num(v.get("box_recall_iou30")), seconds);
        }

        private static Double num(Object o) {
            return o instanceof Number n ? n.doubleValue() : null;
        }
    }

    static Comparison of(Row teacher, Row baseline, Row distilled) {
        boolean aucBetter = better(distilled.sameSourceAuc(), baseline.sameSourceAuc());
        boolean miouBetter = distilled.miou() == null || baseline.miou() == null
                || distilled.miou() > baseline.miou();
        boolean beats = aucBetter && miouBetter;
        String verdict = beats ? "distilled student beats the student trained from labels alone"
                : "WARNING: distilled student does NOT beat the student trained from labels alone ("
                + (aucBetter ? "" : "same-source AUC ") + (!aucBetter && !miouBetter ? "and " : "")
                + (miouBetter ? "" : "mIoU ") + "not better); the teacher did not help";
        return new Comparison(List.of(teacher, baseline, distilled), verdict, beats);
    }

    private static boolean better(Double a, Double b) {
        if (a == null || b == null) {
            return a != null;
        }
        return a > b;
    }

    /** For the model card, to be written by Gson: {@code rows} holds the {@link Row} records themselves. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("distilled_beats_baseline", beatsBaseline);
        out.put("verdict", verdict);
        return out;
    }

    /** A fixed-width console table. */
    public String toTable() {
        List<String> sources = new ArrayList<>();
        for (Row r : rows) {
            r.sourceAuc().keySet().forEach(s -> {
                if (!sources.contains(s)) {
                    sources.add(s);
                }
            });
        }
        StringBuilder b = new StringBuilder(String.format("%-14s", "model"));
        for (String s : sources) {
            b.append(String.format(" %10s", trim(s)));
        }
        b.append(String.format(" %10s %10s %10s %8s %8s %9s%n", "same-src", "pooled", "spec@se90", "mIoU", "recall", "time"));
        for (Row r : rows) {
            b.append(String.format("%-14s", r.model()));
            for (String s : sources) {
                b.append(String.format(" %10s", Validation.fmt(r.sourceAuc().get(s))));
            }
            b.append(String.format(" %10s %10s %10s %8s %8s %9s%n", Validation.fmt(r.sameSourceAuc()),
                    Validation.fmt(r.pooledAuc()), Validation.fmt(r.specAtSens90()), Validation.fmt(r.miou()),
                    Validation.fmt(r.boxRecall()), r.trainingSeconds() == null ? "n/a"
                            : Durations.format(r.trainingSeconds())));
        }
        b.append(verdict).append('\n');
        return b.toString();
    }

    private static String trim(String s) {
        return s.length() <= 10 ? s : s.substring(0, 10);
    }
}
