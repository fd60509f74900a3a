package org.cxrstudio.ui.task;

import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@link BackgroundExecutor} on a small pool of named daemon threads ({@code cxr-ui-worker-N}),
 * wrapping each job in a {@link Task} so results and failures arrive on the FX application
 * thread. Two workers let a model load while an image decodes; inference on one model is
 * serialised by the caller (a predictor is not thread-safe).
 */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundExecutor.class);
    private final ExecutorService pool;

    public FxBackgroundExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cxr-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                             Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                try {
                    return work.call();
                } catch (OutOfMemoryError e) {
                    throw new IllegalStateException("out of memory while trying to " + name, e);
                }
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            LOG.debug("{} failed", name, task.getException());
            onFailure.accept(task.getException());
        });
        pool.execute(task);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(false);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
