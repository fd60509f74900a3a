package org.cxrstudio.core.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's verdict on one input.
 *
 * @param accepted whether the input may be scored
 * @param reason   why it was refused; empty when accepted
 * @param message  one sentence for the user in English, e.g. {@code "CT is not a chest radiograph"};
 *                 for an accepted input a short confirmation (or {@code "gate off"})
 * @param measures named numbers the decision used, e.g. {@code "knn_cosine_distance"},
 *                 {@code "colourfulness"}; units in {@link InputGate}'s Javadoc
 * @param text     the message as a translatable text, or {@code null} when it was given as a
 *                 finished sentence (then {@link #message(Locale)} is {@code message})
 */
public record GateDecision(boolean accepted, Optional<RefusalReason> reason, String message,
                           Map<String, Double> measures, GateText text) {
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
        return accept(GateText.of("accept.film"), measures);
    }

    /** Accepted, with a specific message (e.g. {@code accept.off}, "gate off"). */
    public static GateDecision accept(GateText text, Map<String, Double> measures) {
        return new GateDecision(true, Optional.empty(), text.english(), measures, text);
    }

    /** Refused for {@code reason}, with the user-facing {@code text}. */
    public static GateDecision refuse(RefusalReason reason, GateText text, Map<String, Double> measures) {
        return new GateDecision(false, Optional.of(reason), text.english(), measures, text);
    }

    /** Refused for {@code reason}, with a finished sentence (already in the user's language). */
    public static GateDecision refuse(RefusalReason reason, String message, Map<String, Double> measures) {
        return new GateDecision(false, Optional.of(reason), message, measures, null);
    }

    /** The message in {@code locale}'s language where the gate has it (English, French), else English. */
    public String message(Locale locale) {
        return text == null ? message : text.format(locale);
    }
}
