package org.cxrstudio.ui.training;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.training.TrainingBackend.RunSummary;
import org.cxrstudio.ui.training.TrainingBackend.TeacherInfo;
import org.cxrstudio.ui.viewer.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * State and commands of the training panel: the {@link TrainingForm}, the teacher's card, one
 * run at a time on the {@code worker} executor with progress, ETA, log and chart points
 * delivered on the {@code ui} executor, cancel (the backend keeps a resumable checkpoint),
 * resume, and the finished student handed to the viewer.
 *
 * <p>Never overwrites: a non-empty output folder is only used after the user agreed to write
 * into a new sibling folder instead ({@link Confirmer}). Properties only; call from the UI thread.
 */
public final class TrainingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);
    /** Older log lines are dropped beyond this many. */
    static final int MAX_LOG_LINES = 5000;

    /** Life cycle of the panel's run. */
    public enum State { IDLE, RUNNING, CANCELLING, CANCELLED, FAILED, DONE }

    /** Asks the user a yes/no question (a dialog in the app, an answer in tests). */
    @FunctionalInterface
    public interface Confirmer {
        boolean confirm(String title, String question);
    }

    private final TrainingBackend backend;
    private final Executor worker;
    private final Executor ui;
    private final TrainingForm form = new TrainingForm();
    private final ObservableList<String> presets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TeacherInfo> teacherInfo = new ReadOnlyObjectWrapper<>(this, "teacherInfo");
    private final ReadOnlyStringWrapper teacherText = new ReadOnlyStringWrapper(this, "teacherText", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final RunProgress progress = new RunProgress();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<EpochPoint> epochs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunSummary> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObjectProperty<UserError> error = new SimpleObjectProperty<>(this, "error");
    private Confirmer confirmer = (t, q) -> false;
    private Consumer<Path> onUseStudent = p -> { };
    private BiConsumer<Path, Path> onCompare = (s, t) -> { };
    private Consumer<Map<String, String>> settingsStore = m -> { };
    private TrainingRequest lastRequest;
    /** Why the chosen teacher cannot be used, or {@code null}. */
    private String teacherProblem;
    private CancellationToken token;

    /**
     * @param worker runs the (long, blocking) training; one run at a time
     * @param ui     delivers events to the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    public TrainingViewModel(TrainingBackend backend, Executor worker, Executor ui) {
        this.backend = Objects.requireNonNull(backend);
        this.worker = Objects.requireNonNull(worker);
        this.ui = Objects.requireNonNull(ui);
        presets.setAll(backend.presets());
        form.teacherProperty().addListener((o, a, t) -> describeTeacher(t));
    }

    public TrainingForm form() { return form; }
    public ObservableList<String> presets() { return presets; }
    /** The teacher's card, or {@code null} (none chosen, or unreadable: see {@link #teacherTextProperty()}). */
    public ReadOnlyObjectProperty<TeacherInfo> teacherInfoProperty() { return teacherInfo.getReadOnlyProperty(); }
    /** One or two lines about the teacher, or why it cannot be used. */
    public ReadOnlyStringProperty teacherTextProperty() { return teacherText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** Fraction done of the current phase 0..1, or −1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.fractionProperty(); }
    /** The backend's latest progress message. */
    public ReadOnlyStringProperty statusProperty() { return progress.statusProperty(); }
    /** "ETA 3 min 20 s" for the current phase, or empty. */
    public ReadOnlyStringProperty etaProperty() { return progress.etaProperty(); }
    public ObservableList<String> log() { return log; }
    public ObservableList<EpochPoint> epochs() { return epochs; }
    /** The finished run, or {@code null}. */
    public ReadOnlyObjectProperty<RunSummary> resultProperty() { return result.getReadOnlyProperty(); }
    /** The latest error to show; a new instance per occurrence. */
    public ObjectProperty<UserError> errorProperty() { return error; }

    public BooleanBinding runningBinding() {
        return Bindings.createBooleanBinding(() -> state.get() == State.RUNNING || state.get() == State.CANCELLING, state);
    }

    public BooleanBinding canResumeBinding() {
        return Bindings.createBooleanBinding(() -> (state.get() == State.CANCELLED || state.get() == State.FAILED)
                && lastRequest != null && hasCheckpoint(lastRequest.out()), state);
    }

    public void setConfirmer(Confirmer c) { confirmer = Objects.requireNonNull(c); }
    /** Called with the exported student by "Use this student". */
    public void setOnUseStudent(Consumer<Path> c) { onUseStudent = Objects.requireNonNull(c); }
    /** Called with (student, teacher) by "Compare with teacher". */
    public void setOnCompare(BiConsumer<Path, Path> c) { onCompare = Objects.requireNonNull(c); }
    /** Receives the form's settings at each start, to remember them. */
    public void setSettingsStore(Consumer<Map<String, String>> c) { settingsStore = Objects.requireNonNull(c); }

    /**
     * Checks the form and starts a new run. A non-empty output folder is never overwritten: the
     * user is asked whether to write into a new sibling folder instead.
     *
     * @return whether a run started
     */
    public boolean start() {
        if (runningBinding().get()) {
            return false;
        }
        List<String> problems = new java.util.ArrayList<>(form.problems());
        if (teacherProblem != null && form.teacherProperty().get() != null) {
            problems.add(0, Messages.format("training.teacherUnusable", form.teacherProperty().get().getFileName(), teacherProblem));
        }
        if (!problems.isEmpty()) {
            error.set(new UserError(Messages.get("training.cannotStart"), String.join("\n", problems)));
            return false;
        }
        TrainingRequest req = form.toRequest();
        if (!isEmptyOrMissing(req.out())) {
            Path fresh = freshSibling(req.out());
            if (!confirmer.confirm(Messages.get("training.outNotEmpty"), Messages.format("training.outNotEmpty.text", req.out(), fresh))) {
                return false;
            }
            form.outProperty().set(fresh);
            req = req.withOut(fresh);
        }
        settingsStore.accept(form.toSettings());
        epochs.clear();
        log.clear();
        launch(req);
        return true;
    }

    /** Continues the last cancelled or failed run from its checkpoint. */
    public boolean resume() {
        if (!canResumeBinding().get()) {
            return false;
        }
        launch(lastRequest.resuming());
        return true;
    }

    /** Asks the run to stop at its next batch; it saves a checkpoint first. */
    public void cancel() {
        if (state.get() == State.RUNNING && token != null) {
            token.cancel();
            state.set(State.CANCELLING);
            appendLog(Messages.get("training.log.cancelling"));
        }
    }

    /** "Use this student": hands the exported model to the viewer. */
    public void useStudent() {
        if (result.get() != null) {
            onUseStudent.accept(result.get().model());
        }
    }

    /** "Compare with teacher": opens compare mode with the new student and its teacher. */
    public void compareWithTeacher() {
        if (result.get() != null && lastRequest != null) {
            onCompare.accept(result.get().model(), lastRequest.teacher());
        }
    }

    private void launch(TrainingRequest req) {
        lastRequest = req;
        token = new CancellationToken();
        CancellationToken t = token;
        result.set(null);
        state.set(State.RUNNING);
        progress.reset();
        appendLog(Messages.format(req.resume() ? "training.log.resuming" : "training.log.starting", req.arch(),
                req.inputSize(), req.epochs(), req.out()));
        TrainingBackend.Events events = new TrainingBackend.Events() {
            @Override
            public void progress(long done, long total, String message) {
                ui.execute(() -> progress.update(done, total, message));
            }

            @Override
            public void log(String line) {
                ui.execute(() -> appendLog(line));
            }

            @Override
            public void epoch(EpochPoint point) {
                ui.execute(() -> addEpoch(point));
            }
        };
        worker.execute(() -> {
            try {
                RunSummary s = backend.run(req, events, t);
                ui.execute(() -> finished(s));
            } catch (CancelledException e) {
                ui.execute(() -> {
                    state.set(State.CANCELLED);
                    appendLog(Messages.format("training.log.cancelled", req.out().resolve("checkpoints")));
                });
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                LOG.warn("training failed", e);
                String reason = e instanceof OutOfMemoryError ? Messages.get("training.outOfMemory")
                        : UserError.reason(e);
                ui.execute(() -> {
                    state.set(State.FAILED);
                    appendLog(Messages.format("training.log.failed", reason));
                    error.set(new UserError(Messages.get("training.failed"), reason));
                });
            }
        });
    }

    /** A resumed run re-reports earlier epochs, and a partial epoch is later completed: replace, don't repeat. */
    private void addEpoch(EpochPoint p) {
        epochs.removeIf(e -> e.run().equals(p.run()) && e.epoch() >= p.epoch());
        epochs.add(p);
    }

    private void finished(RunSummary s) {
        result.set(s);
        state.set(State.DONE);
        progress.update(1, 1, Messages.format("training.finished", s.stopReason()));
        appendLog(Messages.format("training.log.exported", s.model()));
    }

    private void describeTeacher(Path t) {
        teacherInfo.set(null);
        teacherProblem = null;
        if (t == null) {
            teacherText.set("");
            return;
        }
        teacherText.set(Messages.format("training.teacherReading", t.getFileName()));
        worker.execute(() -> {
            try {
                TeacherInfo info = backend.describeTeacher(t);
                ui.execute(() -> {
                    if (t.equals(form.teacherProperty().get())) {
                        teacherInfo.set(info);
                        teacherText.set(Messages.format("training.teacherInfo", info.name(), info.arch(), info.inputSize(), info.summary()));
                    }
                });
            } catch (IOException | RuntimeException e) {
                String reason = UserError.reason(e);
                ui.execute(() -> {
                    if (t.equals(form.teacherProperty().get())) {
                        teacherProblem = reason;
                        teacherText.set(Messages.format("training.teacherError", reason));
                    }
                });
            }
        });
    }

    private void appendLog(String line) {
        log.add(line);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    static boolean isEmptyOrMissing(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false; // a file, or unreadable: never treat as empty
        }
    }

    static boolean hasCheckpoint(Path out) {
        Path dir = out.resolve("checkpoints");
        return Files.isDirectory(dir) && !isEmptyOrMissing(dir);
    }

    /** {@code out-2}, {@code out-3} … : the first sibling that does not exist yet. */
    static Path freshSibling(Path out) {
        Path abs = out.toAbsolutePath();
        for (int i = 2; ; i++) {
            Path p = abs.resolveSibling(abs.getFileName() + "-" + i);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }
}
