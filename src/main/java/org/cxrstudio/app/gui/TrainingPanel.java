package org.cxrstudio.app.gui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.shell.MainViewModel;
import org.cxrstudio.ui.shell.MainWindow;
import org.cxrstudio.ui.training.TrainingView;
import org.cxrstudio.ui.training.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Wires the training panel into the viewer: a "Training" menu opening the panel in its own
 * window, "Use this student" (loads it in the viewer at once and remembers it for the next
 * start), "Compare with teacher" (compare mode with both), the last run's settings in the
 * user's preferences, and a question before the app closes while a run is going.
 * Training runs on one daemon thread, {@code cxr-training}.
 */
final class TrainingPanel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingPanel.class);
    private static final String STUDENT_KEY = "usedStudent";
    private static final String NODE = "org/cxrstudio/training";
    private final Preferences prefs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cxr-training");
        t.setDaemon(true);
        return t;
    });
    private final TrainingViewModel vm = new TrainingViewModel(new TrainerBackend(), worker, Platform::runLater);
    private final MainViewModel main;
    private Stage stage;

    private TrainingPanel(MainViewModel main, Preferences prefs) {
        this.main = main;
        this.prefs = prefs;
    }

    /**
     * Adds the menu to {@code window} and guards closing {@code owner} while a run is going.
     */
    static TrainingPanel install(Stage owner, MainWindow window, MainViewModel main) {
        return install(owner, window, main, Preferences.userRoot().node(NODE));
    }

    /** As {@link #install(Stage, MainWindow, MainViewModel)}, remembering settings in {@code prefs} (tests). */
    static TrainingPanel install(Stage owner, MainWindow window, MainViewModel main, Preferences prefs) {
        TrainingPanel p = new TrainingPanel(main, prefs);
        p.vm.form().applySettings(p.loadSettings());
        p.vm.setSettingsStore(p::saveSettings);
        p.vm.setOnUseStudent(p::useStudent);
        p.vm.setOnCompare((student, teacher) -> {
            p.useStudent(student);
            main.teacher().load(teacher);
            main.compare().activeProperty().set(true);
        });
        if (window.lookup("#menuBar") instanceof MenuBar bar) {
            MenuItem open = new MenuItem(Messages.get("training.title") + "…");
            open.setId("menuTraining");
            open.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
            open.setOnAction(e -> p.show(owner));
            bar.getMenus().add(new Menu(Messages.get("menu.training"), null, open));
        }
        owner.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (!p.confirmExit()) {
                e.consume();
            }
        });
        return p;
    }

    /** Opens (or brings back) the panel's window. */
    void show(Stage owner) {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(Messages.get("training.title") + " — CXR Studio");
            Scene scene = new Scene(new TrainingView(vm), 1280, 820);
            stage.setScene(scene);
            stage.initOwner(owner);
        }
        stage.show();
        stage.toFront();
    }

    /** True unless a run is going and the user chose to keep the app open. */
    boolean confirmExit() {
        if (!vm.runningBinding().get()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("training.quit.text"), ButtonType.YES, ButtonType.NO);
        a.setHeaderText(Messages.get("training.quit.title"));
        boolean quit = a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
        if (quit) {
            vm.cancel();
        }
        return quit;
    }

    private void useStudent(Path model) {
        if (!main.models().contains(model)) {
            main.models().add(model);
        }
        main.student().load(model);
        prefs.put(STUDENT_KEY, model.toAbsolutePath().toString());
        flush();
    }

    /** The student last chosen with "Use this student", if its file still exists. */
    static Optional<Path> rememberedStudent() {
        try {
            String s = Preferences.userRoot().node(NODE).get(STUDENT_KEY, null);
            if (s != null && Files.isRegularFile(Path.of(s))) {
                LOG.info("using the student chosen in the training panel: {}", s);
                return Optional.of(Path.of(s));
            }
        } catch (InvalidPathException | IllegalStateException | SecurityException e) {
            LOG.debug("ignoring the remembered student", e);
        }
        return Optional.empty();
    }

    private Map<String, String> loadSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String k : prefs.keys()) {
                if (k.startsWith("form.")) {
                    m.put(k.substring(5), prefs.get(k, null));
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("could not read training settings: {}", e.getMessage());
        }
        return m;
    }

    private void saveSettings(Map<String, String> m) {
        m.forEach((k, v) -> prefs.put("form." + k, v));
        flush();
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("could not save training settings: {}", e.getMessage());
        }
    }

    TrainingViewModel viewModel() {
        return vm;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
