package org.cxrstudio.core.task;

/**
 * Receives progress of long work in {@code core}. Called on the worker thread: a UI
 * implementation must hop to its own thread before touching controls.
 *
 * <pre>{@code
 * ProgressListener p = (done, total, msg) -> log.info("{}/{} {}", done, total, msg);
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done    units of work finished so far (images, batches), {@code 0..total}
     * @param total   total units, or {@code -1} when unknown
     * @param message short human-readable state, e.g. {@code "epoch 2/10, loss 0.41, ETA 3 min"}
     */
    void progress(long done, long total, String message);

    /** A free-form log line (e.g. per-epoch metrics). Default: ignored. */
    default void log(String line) { }
}
