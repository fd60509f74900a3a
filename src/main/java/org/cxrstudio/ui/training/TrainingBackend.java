package org.cxrstudio.ui.training;

import org.cxrstudio.core.task.CancellationToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The training work behind the panel. Implemented by the composition root with
 * {@code core.training.Trainer}; view-model tests use a fake. Methods block: call them on a
 * worker thread.
 */
public interface TrainingBackend {

    /**
     * Reads a teacher checkpoint's card for display.
     *
     * @throws IOException naming the file and the problem (missing, not a CXR Studio model …)
     */
    TeacherInfo describeTeacher(Path onnx) throws IOException;

    /**
     * Runs (or resumes) a distillation. Progress and log lines arrive on the calling (worker)
     * thread through {@code events}.
     *
     * @throws org.cxrstudio.core.task.CancelledException when cancelled; a resumable checkpoint is kept
     * @throws IOException for bad input, naming the file and the problem
     */
    RunSummary run(TrainingRequest request, Events events, CancellationToken cancel) throws IOException;

    /** Student presets offered in the form, smallest first. */
    List<String> presets();

    /** What the run reports while it works; called on the worker thread. */
    interface Events {
        /** @param total units of the current phase, {@code -1} if unknown */
        void progress(long done, long total, String message);

        void log(String line);

        /** A (partial) epoch finished: one more chart point. */
        void epoch(EpochPoint point);
    }

    /**
     * A teacher checkpoint as shown in the form.
     *
     * @param name      card name and version
     * @param arch      architecture
     * @param inputSize input side, pixels
     * @param summary   a few lines of the card (validation figures, training data)
     */
    record TeacherInfo(String name, String arch, int inputSize, String summary) { }

    /**
     * The outcome of a finished run.
     *
     * @param model          the exported student ONNX (its card beside it)
     * @param stopReason     {@code completed} or {@code time-budget}
     * @param trainingSeconds cumulative training time
     * @param summary        human-readable result: student vs teacher validation figures, size,
     *                       CPU latency, and the baseline comparison table when it ran
     */
    record RunSummary(Path model, String stopReason, double trainingSeconds, String summary) { }
}
