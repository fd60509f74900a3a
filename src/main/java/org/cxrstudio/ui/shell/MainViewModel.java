package org.cxrstudio.ui.shell;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.compare.CompareViewModel;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;
import org.cxrstudio.ui.overlay.OverlayOptions;
import org.cxrstudio.ui.overlay.TbPredictor;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.ImageLoader;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.cxrstudio.ui.viewer.ViewerViewModel;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.viewer.UserError;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole window's state: the viewer (image, window/level, viewport), the primary model slot
 * (the student, run on every opened image), the second slot for compare mode (the teacher, run
 * only while compare mode is on), the shared overlay options and the models offered in pickers.
 *
 * <p>Properties only; FX thread.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    private final ViewerViewModel viewer;
    private final ModelSlotViewModel student;
    private final ModelSlotViewModel teacher;
    private final OverlayOptions overlays = new OverlayOptions();
    private final CompareViewModel compare;
    private final ObservableList<Path> models = FXCollections.observableArrayList();
    private final FolderViewModel folder;
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private Path teacherDefault;
    private final BackgroundExecutor executor;
    private Consumer<Path> siteSaver = p -> { };
    private OpenedImage timedImage;
    private long openedNanos;

    public MainViewModel(ImageLoader images, TbPredictor.Loader modelLoader, BackgroundExecutor executor) {
        this.executor = executor;
        viewer = new ViewerViewModel(images, executor);
        student = new ModelSlotViewModel(Messages.get("role.student"), modelLoader, executor, e -> viewer.report(e.title(), e.message()));
        teacher = new ModelSlotViewModel(Messages.get("role.teacher"), modelLoader, executor, e -> viewer.report(e.title(), e.message()));
        compare = new CompareViewModel(teacher, student);
        folder = new FolderViewModel(viewer, executor, images);
        viewer.addOnOpened(img -> {
            timedImage = img;
            openedNanos = System.nanoTime();
            student.imageChanged(img);
            if (compare.activeProperty().get()) {
                teacher.imageChanged(img);
            }
        });
        student.predictionProperty().addListener((o, a, p) -> {
            if (p != null && timedImage != null) {
                double total = timedImage.decodeMillis() + (System.nanoTime() - openedNanos) / 1e6;
                timing.set(Messages.format("status.timing", Math.round(total), Math.round(timedImage.decodeMillis()),
                        Math.round(p.millis())));
                LOG.info(String.format(Locale.ROOT, "%s: open→overlay %.0f ms (read %.0f, model %.0f)",
                        timedImage.path().getFileName(), total, timedImage.decodeMillis(), p.millis()));
                timedImage = null;
            }
        });
        compare.activeProperty().addListener((o, was, on) -> {
            if (on) {
                if (teacher.stateProperty().get() == ModelSlotViewModel.State.EMPTY && teacherDefault != null) {
                    teacher.load(teacherDefault);
                }
                teacher.imageChanged(viewer.display().image());
            }
        });
    }

    /**
     * Offers {@code available} in the pickers and loads the student now (in the background);
     * the teacher loads when compare mode is first switched on.
     */
    public void useModels(List<Path> available, Optional<Path> studentModel, Optional<Path> teacherModel) {
        models.setAll(available);
        teacherDefault = teacherModel.orElse(null);
        studentModel.ifPresent(student::load);
    }

    /**
     * Reads a site profile in the background and uses its threshold in the student slot (which
     * refuses it when it was made for another model file); a file that cannot be read is reported.
     * The file is remembered through {@link #onSiteChanged}.
     */
    public void loadSite(Path file) {
        executor.submit("read site profile " + file.getFileName(), () -> SiteProfile.read(file), p -> {
            student.useSite(p);
            if (student.siteProperty().get() != null) {
                siteSaver.accept(file);
            }
        }, t -> viewer.report(Messages.get("site.readError.title"), UserError.reason(t)));
    }

    /** Back to the model card's threshold; forgets the remembered site profile. */
    public void clearSite() {
        student.useSite(null);
        siteSaver.accept(null);
    }

    /** Called with the site profile file in use ({@code null} when cleared), e.g. to store it in preferences. */
    public void onSiteChanged(Consumer<Path> saver) {
        siteSaver = saver == null ? p -> { } : saver;
    }

    /**
     * Time from the start of reading a file to its student result being available, for the
     * status bar: read + decode, display preparation, queueing and inference (model loaded).
     */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    public FolderViewModel folder() {
        return folder;
    }

    public ViewerViewModel viewer() {
        return viewer;
    }

    public ModelSlotViewModel student() {
        return student;
    }

    public ModelSlotViewModel teacher() {
        return teacher;
    }

    public OverlayOptions overlays() {
        return overlays;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public ObservableList<Path> models() {
        return models;
    }

    /** Closes loaded models (app shutdown). */
    public void close() {
        student.close();
        teacher.close();
    }
}
