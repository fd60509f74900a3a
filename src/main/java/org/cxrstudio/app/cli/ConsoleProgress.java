package org.cxrstudio.app.cli;

import org.cxrstudio.core.task.ProgressListener;

import java.io.PrintWriter;

/**
 * Prints progress lines (with the ETA the trainer computes) at most every few seconds, and every
 * log line (per-epoch metrics) at once.
 */
final class ConsoleProgress implements ProgressListener {
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private final PrintWriter out;
    private long last;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS || done == total) {
            last = now;
            out.println(message);
            out.flush();
        }
    }

    @Override
    public synchronized void log(String line) {
        out.println(line);
        out.flush();
    }
}
