package org.cxrstudio.core.task;

/** Thrown by {@link CancellationToken#throwIfCancelled()} when the user cancelled the work. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
