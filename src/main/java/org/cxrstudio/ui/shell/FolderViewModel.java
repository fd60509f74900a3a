package org.cxrstudio.ui.shell;

import org.cxrstudio.core.imaging.ImageFiles;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.ImageLoader;
import org.cxrstudio.ui.viewer.ViewerViewModel;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A folder of studies to step through: lists the image files of a folder (by extension, sorted
 * by name) in the background; selecting an entry opens it in the viewer; {@link #next()} and
 * {@link #previous()} step with the arrow keys.
 */
public final class FolderViewModel {
    /** Thumbnail long side, pixels. */
    public static final int THUMBNAIL_SIDE = 56;
    private static final int MAX_THUMBNAILS = 500;
    private static final int MAX_QUEUED = 40;
    private final ViewerViewModel viewer;
    private final BackgroundExecutor executor;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final ImageLoader thumbnailLoader;
    private final Map<Path, Thumbnail> thumbnails = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Thumbnail> e) {
            return size() > MAX_THUMBNAILS;
        }
    };
    private final Deque<Map.Entry<Path, Consumer<Thumbnail>>> wanted = new ArrayDeque<>();
    private boolean thumbnailRunning;

    /**
     * @param thumbnailLoader reads files for thumbnails (one at a time, newest request first, so
     *                        previews never hold up opening an image for long); {@code null}: none
     */
    public FolderViewModel(ViewerViewModel viewer, BackgroundExecutor executor, ImageLoader thumbnailLoader) {
        this.viewer = viewer;
        this.executor = executor;
        this.thumbnailLoader = thumbnailLoader;
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
        executor.submit("list " + dir, () -> ImageFiles.list(dir), found -> {
            selected.set(-1);
            folder.set(dir);
            files.setAll(found);
            if (found.isEmpty()) {
                viewer.report(Messages.get("error.emptyFolder"), Messages.format("error.emptyFolder.detail", dir));
            } else if (openFirst) {
                selected.set(0);
            }
        }, t -> viewer.report(Messages.get("error.openFolder"), dir + ": " + t.getMessage()));
    }

    /**
     * Asks for the thumbnail of {@code p}: delivered (FX thread) at once from the cache, else
     * after rendering in the background. Unreadable files get no thumbnail (no error dialog).
     */
    public void thumbnail(Path p, Consumer<Thumbnail> done) {
        Thumbnail t = thumbnails.get(p);
        if (t != null) {
            done.accept(t);
            return;
        }
        if (thumbnailLoader == null) {
            return;
        }
        wanted.addFirst(Map.entry(p, done));
        while (wanted.size() > MAX_QUEUED) {
            wanted.removeLast();
        }
        nextThumbnail();
    }

    private void nextThumbnail() {
        if (thumbnailRunning || wanted.isEmpty()) {
            return;
        }
        Map.Entry<Path, Consumer<Thumbnail>> job = wanted.removeFirst();
        thumbnailRunning = true;
        executor.submit("thumbnail " + job.getKey().getFileName(),
                () -> Thumbnail.of(thumbnailLoader.open(job.getKey()), THUMBNAIL_SIDE), t -> {
                    thumbnailRunning = false;
                    thumbnails.put(job.getKey(), t);
                    job.getValue().accept(t);
                    nextThumbnail();
                }, err -> {
                    thumbnailRunning = false;
                    nextThumbnail();
                });
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
