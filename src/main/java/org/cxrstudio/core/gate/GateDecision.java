package org.cxrstudio.core.gate;

import java.util.Map;
import java.util.Optional;

/** STUB until branch gate lands (GATE-API.md). */
public record GateDecision(boolean accepted, Optional<RefusalReason> reason, String message, Map<String, Double> measures) {
    public static GateDecision accept(Map<String, Double> measures) {
        return new GateDecision(true, Optional.empty(), "accepted", measures);
    }

    public static GateDecision refuse(RefusalReason reason, String message, Map<String, Double> measures) {
        return new GateDecision(false, Optional.of(reason), message, measures);
    }
}
