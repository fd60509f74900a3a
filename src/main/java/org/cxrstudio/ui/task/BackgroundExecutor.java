package org.cxrstudio.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (decoding, model loading, inference) off the UI thread and delivers the
 * outcome back on it. View models depend on this interface only, so their tests can use a
 * synchronous double and need no toolkit.
 */
public interface BackgroundExecutor {

    /**
     * Starts {@code work}; exactly one of {@code onSuccess} / {@code onFailure} is later called on
     * the UI thread (unless the returned handle was cancelled first).
     *
     * @param name short description for logs and thread names, e.g. {@code "open chest.dcm"}
     */
    <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** A running job: cancelling it drops its result (the work itself may finish in the background). */
    interface Handle {
        void cancel();

        boolean isDone();
    }

    /** Runs everything on the calling thread: for view-model tests and benchmarks. */
    static BackgroundExecutor direct() {
        return new BackgroundExecutor() {
            @Override
            public <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                     Consumer<Throwable> onFailure) {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception | OutOfMemoryError e) {
                    onFailure.accept(e);
                }
                return new Handle() {
                    @Override
                    public void cancel() { }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
            }
        };
    }
}
