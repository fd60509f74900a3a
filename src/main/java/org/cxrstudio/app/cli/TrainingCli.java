package org.cxrstudio.app.cli;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.training.Durations;
import org.cxrstudio.core.training.EpochMetrics;
import org.cxrstudio.core.training.TrainingResult;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the training commands. */
final class TrainingCli {
    private TrainingCli() { }

    /** Training work that takes a cancellation token. */
    interface Work {
        TrainingResult run(CancellationToken token) throws Exception;
    }

    /**
     * Runs {@code work} with a token cancelled on Ctrl-C / SIGTERM, so the trainer saves a
     * checkpoint before the JVM exits: the shutdown hook waits (up to 120 s) until the work has
     * returned or thrown.
     */
    static TrainingResult runInterruptibly(Work work) throws Exception {
        CancellationToken token = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            token.cancel();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "training-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run(token);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and sees the latch
            }
        }
    }

    static void printResult(PrintWriter out, TrainingResult r) {
        EpochMetrics best = null;
        for (EpochMetrics m : r.history()) {
            if (m.best()) {
                best = m;
            }
        }
        out.printf("%s after %s of training (%s); wrote %s%n", r.stopReason(), Durations.format(r.trainingSeconds()),
                r.history().isEmpty() ? "no epochs" : "epoch " + fmtEpoch(r.history().get(r.history().size() - 1).epoch()),
                r.model());
        if (best != null) {
            out.printf("best epoch %s: same-source AUC %s, pooled AUC %s, mIoU %s, per source %s%n", fmtEpoch(best.epoch()),
                    fmt(best.sameSourceAuc()), fmt(best.auc()), fmt(best.miou()), best.sourceAuc());
        }
        out.flush();
    }

    private static String fmtEpoch(double e) {
        return e == Math.rint(e) ? String.valueOf((long) e) : String.format("%.2f", e);
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format("%.3f", v);
    }
}
