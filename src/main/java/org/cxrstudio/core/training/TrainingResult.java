package org.cxrstudio.core.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param out             output folder
 * @param model           the exported {@code model.onnx}
 * @param stopReason      {@code completed} (all epochs) or {@code time-budget}
 * @param history         per-epoch figures, including earlier invocations of a resumed run
 * @param bestValidation  the validation figures of the exported (best) weights, as in the card
 * @param trainingSeconds cumulative training time across invocations
 * @param comparison      teacher / student-alone / distilled table when {@code --baseline} ran, else {@code null}
 */
public record TrainingResult(Path out, Path model, String stopReason, List<EpochMetrics> history,
                             Map<String, Object> bestValidation, double trainingSeconds, Comparison comparison) {
    public static final String COMPLETED = "completed";
    public static final String TIME_BUDGET = "time-budget";

    public TrainingResult {
        history = List.copyOf(history);
    }

    TrainingResult withComparison(Comparison c) {
        return new TrainingResult(out, model, stopReason, history, bestValidation, trainingSeconds, c);
    }
}
