package org.cxrstudio.core.eval;

/**
 * A figure that needs both classes (ROC AUC, a threshold for a target sensitivity) was asked of
 * samples that hold only one. Grouped reports catch it and print {@code null} with a note.
 */
public final class OneClassException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OneClassException(String message) {
        super(message);
    }
}
