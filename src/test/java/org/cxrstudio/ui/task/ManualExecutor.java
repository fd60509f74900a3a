package org.cxrstudio.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Test double: jobs wait until {@link #runNext()} so tests can interleave them. */
public final class ManualExecutor implements BackgroundExecutor {
    private final Deque<Runnable> jobs = new ArrayDeque<>();

    @Override
    public <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        boolean[] state = new boolean[2]; // cancelled, done
        jobs.add(() -> {
            T v;
            try {
                v = work.call();
            } catch (Exception e) {
                state[1] = true;
                if (!state[0]) {
                    onFailure.accept(e);
                }
                return;
            }
            state[1] = true;
            if (!state[0]) {
                onSuccess.accept(v);
            }
        });
        return new Handle() {
            @Override
            public void cancel() {
                state[0] = true;
            }

            @Override
            public boolean isDone() {
                return state[1];
            }
        };
    }

    public int pending() {
        return jobs.size();
    }

    /** Runs the second-oldest job, as if it overtook the oldest on another worker. */
    public void runNextButOne() {
        Runnable first = jobs.removeFirst();
        Runnable second = jobs.removeFirst();
        jobs.addFirst(first);
        second.run();
    }

    /** Runs the oldest job (its callbacks may submit more). */
    public void runNext() {
        jobs.removeFirst().run();
    }
}
