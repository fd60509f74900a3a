package org.cxrstudio.app.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints scoring progress on the driver's standard error as tasks finish: partitions done, about
 * how many files that is, and the rate. Counts the successful tasks of the first stage that has as
 * many tasks as there are partitions (the scoring stage). Listener events arrive on Spark's
 * listener thread.
 */
final class ProgressPrinter extends SparkListener implements AutoCloseable {
    private final SparkSession spark;
    private final int files;
    private final int partitions;
    private final PrintStream err;
    private final long t0 = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int stage = -1;

    private ProgressPrinter(SparkSession spark, int files, int partitions, PrintStream err) {
        this.spark = spark;
        this.files = files;
        this.partitions = partitions;
        this.err = err;
    }

    static ProgressPrinter attach(SparkSession spark, int files, int partitions) {
        ProgressPrinter p = new ProgressPrinter(spark, files, partitions, System.err);
        spark.sparkContext().addSparkListener(p);
        p.err.printf("scoring %d files in %d partitions%n", files, partitions);
        return p;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo() == null || !end.taskInfo().successful()) {
            return;
        }
        synchronized (this) {
            if (stage < 0) {
                stage = end.stageId();
            }
        }
        if (end.stageId() != stage) {
            return;
        }
        int n = done.incrementAndGet();
        if (n > partitions) {
            return;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long approx = Math.round((double) files * n / partitions);
        err.printf("  %d/%d partitions, ~%d/%d files, %.1f s, ~%.1f files/s%n", n, partitions, approx, files, s, approx / s);
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(this);
    }
}
