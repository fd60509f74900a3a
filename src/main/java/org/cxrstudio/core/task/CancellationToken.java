package org.cxrstudio.core.task;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation: long work checks the token between units of work (an image,
 * a batch) and stops cleanly, keeping what it has already written. Thread-safe.
 */
public final class CancellationToken {

    /** A token that is never cancelled. */
    public static final CancellationToken NONE = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Asks the work to stop at its next check. Idempotent; has no effect on {@link #NONE}. */
    public void cancel() {
        if (this != NONE) {
            cancelled.set(true);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @throws CancelledException if {@link #cancel()} was called */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
