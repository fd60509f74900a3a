package org.cxrstudio.ui.shell;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.ViewerViewModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of studies to step through: lists the image files of a folder (by extension, sorted
 * by name) in the background; selecting an entry opens it in the viewer; {@link #next()} and
 * {@link #previous()} step with the arrow keys.
 */
public final class FolderViewModel {
    private static final List<String> EXTENSIONS = List.of(".dcm", ".dicom", ".dic", ".png", ".jpg", ".jpeg");
    private final ViewerViewModel viewer;
    private final BackgroundExecutor executor;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");

    public FolderViewModel(ViewerViewModel viewer, BackgroundExecutor executor) {
        this.viewer = viewer;
        this.executor = executor;
        selected.addListener((o, a, i) -> {
            int k = i.intValue();
            if (k >= 0 && k < files.size()) {
                viewer.open(files.get(k));
            }
        });
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** Index of the open entry, {@code -1} for none; setting it opens that file. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /**
     * Lists {@code dir} in the background.
     *
     * @param openFirst also open the first image
     */
    public void openFolder(Path dir, boolean openFirst) {
        executor.submit("list " + dir, () -> list(dir), found -> {
            selected.set(-1);
            folder.set(dir);
            files.setAll(found);
            if (found.isEmpty()) {
                viewer.report("No images in folder", dir + ": no DICOM, PNG or JPEG files found");
            } else if (openFirst) {
                selected.set(0);
            }
        }, t -> viewer.report("Cannot open folder", dir + ": " + t.getMessage()));
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted().toList();
        }
    }

    /** Opens the next file, if any. */
    public boolean next() {
        return step(1);
    }

    public boolean previous() {
        return step(-1);
    }

    private boolean step(int d) {
        int k = selected.get() + d;
        if (files.isEmpty() || k < 0 || k >= files.size()) {
            return false;
        }
        selected.set(k);
        return true;
    }
}
