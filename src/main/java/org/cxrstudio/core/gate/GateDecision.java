package org.cxrstudio.core.gate;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's verdict on one input.
 *
 * @param accepted whether the input may be scored
 * @param reason   why it was refused; empty when accepted
 * @param message  one sentence for the user, e.g. {@code "CT is not a chest radiograph"};
 *                 for an accepted input a short confirmation (or {@code "gate off"})
 * @param measures named numbers the decision used, e.g. {@code "knn_cosine_distance"},
 *                 {@code "colourfulness"}; units in {@link InputGate}'s Javadoc
 */
public record GateDecision(boolean accepted, Optional<RefusalReason> reason, String message,
                           Map<String, Double> measures) {
    public GateDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        measures = Map.copyOf(measures);
        if (accepted == reason.isPresent()) {
            throw new IllegalArgumentException("an accepted decision has no reason, a refusal has one");
        }
    }

    /** Accepted as a frontal chest film. */
    public static GateDecision accept(Map<String, Double> measures) {
        return accept("frontal chest film", measures);
    }

    /** Accepted, with a specific message (e.g. {@code "gate off"}). */
    public static GateDecision accept(String message, Map<String, Double> measures) {
        return new GateDecision(true, Optional.empty(), message, measures);
    }

    /** Refused for {@code reason}, with the user-facing {@code message}. */
    public static GateDecision refuse(RefusalReason reason, String message, Map<String, Double> measures) {
        return new GateDecision(false, Optional.of(reason), message, measures);
    }
}
