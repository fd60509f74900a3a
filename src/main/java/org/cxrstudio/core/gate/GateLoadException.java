package org.cxrstudio.core.gate;

/**
 * The gate model could not be found or loaded (missing, corrupt, not a gate model, card
 * missing or inconsistent). Callers must not score without a gate when this is thrown, unless
 * the user turned the gate off explicitly.
 */
public class GateLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public GateLoadException(String message) {
        super(message);
    }

    public GateLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
