package org.cxrstudio.core.screening;

import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.Prediction;

import java.util.Objects;

/**
 * What happened to one input: it could not be read or scored ({@link #error()} set), the input gate
 * refused it ({@link #refused()}: a reason, no prediction), or it was scored ({@link #prediction()}
 * and {@link #score()} set). An input scored although the gate refused it ("Score anyway") has both
 * the refusing {@link #gate()} decision and a prediction, and {@link #overridden()} is true.
 *
 * @param source     file path or other name of the input, for messages and output rows
 * @param radiograph the decoded image, or {@code null} when it could not be read
 * @param gate       the gate's decision, or {@code null} when the image was not read
 * @param prediction the model's output, or {@code null} when refused or failed
 * @param score      the readable score of {@code prediction}, or {@code null}
 * @param error      why the input could not be read or scored, or {@code null}
 */
public record ScreeningResult(String source, Radiograph radiograph, GateDecision gate, Prediction prediction,
                              TbScore score, String error) {
    public ScreeningResult {
        Objects.requireNonNull(source, "source");
        if ((prediction == null) != (score == null)) {
            throw new IllegalArgumentException("prediction and score come together");
        }
        if (error == null && prediction == null && (gate == null || gate.accepted())) {
            throw new IllegalArgumentException("a result is an error, a refusal or a prediction");
        }
    }

    static ScreeningResult failed(String source, Radiograph r, GateDecision gate, String error) {
        return new ScreeningResult(source, r, gate, null, null, error);
    }

    /** The input could not be read or scored. */
    public boolean isError() {
        return error != null;
    }

    /** The gate refused the input and it was not scored. */
    public boolean refused() {
        return error == null && prediction == null;
    }

    /** The gate refused the input but it was scored on request. */
    public boolean overridden() {
        return prediction != null && gate != null && !gate.accepted();
    }

    /** The gate's message when it refused, else {@code null}. */
    public String refusalMessage() {
        return gate != null && !gate.accepted() ? gate.message() : null;
    }
}
