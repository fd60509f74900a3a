package org.cxrstudio.ui.training;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cxrstudio.ui.Messages;

import java.util.function.LongSupplier;

/**
 * Progress of the current phase of a run (caching images, teacher outputs, training) as a
 * fraction and an ETA from the phase's own rate; a new phase starts whenever the total changes.
 * Properties only; UI thread.
 */
final class RunProgress {
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final LongSupplier nanoTime;
    private long phaseTotal = Long.MIN_VALUE;
    private long phaseStartDone;
    private long phaseStartNanos;

    RunProgress() {
        this(System::nanoTime);
    }

    RunProgress(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    ReadOnlyDoubleProperty fractionProperty() { return fraction.getReadOnlyProperty(); }
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    ReadOnlyStringProperty etaProperty() { return eta.getReadOnlyProperty(); }

    void reset() {
        phaseTotal = Long.MIN_VALUE;
        fraction.set(-1);
        status.set(Messages.get("progress.starting"));
        eta.set("");
    }

    /** @param total units of this phase, or −1 when unknown */
    void update(long done, long total, String message) {
        long now = nanoTime.getAsLong();
        if (total != phaseTotal || done < phaseStartDone) {
            phaseTotal = total;
            phaseStartDone = done;
            phaseStartNanos = now;
        }
        status.set(message);
        if (total <= 0) {
            fraction.set(-1);
            eta.set("");
            return;
        }
        fraction.set(Math.min(1, Math.max(0, done / (double) total)));
        long doneHere = done - phaseStartDone;
        if (doneHere <= 0 || done >= total) {
            eta.set(done >= total ? "" : Messages.get("progress.etaUnknown"));
            return;
        }
        double secondsPerUnit = (now - phaseStartNanos) / 1e9 / doneHere;
        eta.set(Messages.format("progress.eta", format(secondsPerUnit * (total - done))));
    }

    /** {@code 45 s}, {@code 3 min 20 s}, {@code 1 h 05 min}. */
    static String format(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return Messages.format("duration.s", s);
        }
        if (s < 3600) {
            return Messages.format("duration.min", s / 60, s % 60);
        }
        return Messages.format("duration.h", s / 3600, (s % 3600) / 60);
    }
}
