package org.cxrstudio.ui.viewer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.task.BackgroundExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The viewer's top view model: opens files in the background, owns the shared image display
 * state and viewport, and reports failures as {@link UserError}s (the previous image stays).
 *
 * <p>Properties only; call from the FX thread; slow work goes through the
 * {@link BackgroundExecutor}.
 */
public final class ViewerViewModel {
    private final ImageLoader loader;
    private final BackgroundExecutor executor;
    private final ImageViewModel display = new ImageViewModel();
    private final ViewportModel viewport = new ViewportModel();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Open a chest X-ray (DICOM, PNG, JPEG)");
    private final List<Consumer<OpenedImage>> onOpened = new ArrayList<>();
    private final List<Consumer<UserError>> onError = new ArrayList<>();
    private BackgroundExecutor.Handle pending;

    public ViewerViewModel(ImageLoader loader, BackgroundExecutor executor) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.executor = Objects.requireNonNull(executor, "executor");
        display.imageProperty().addListener((o, a, img) -> viewport.setImageSize(img.width(), img.height()));
    }

    public ImageViewModel display() {
        return display;
    }

    public ViewportModel viewport() {
        return viewport;
    }

    /** True while a file is being read and decoded. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** One-line state for the status bar: what is open and how long it took. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Adds a listener called after each successful open (recent files, inference). */
    public void addOnOpened(Consumer<OpenedImage> listener) {
        onOpened.add(Objects.requireNonNull(listener));
    }

    /** Adds a listener called with each failure to show the user (a dialog), on the FX thread. */
    public void addOnError(Consumer<UserError> listener) {
        onError.add(Objects.requireNonNull(listener));
    }

    /**
     * Opens {@code path} in the background; a later call supersedes an open still running.
     * On failure the current image stays and an error is reported.
     */
    public void open(Path path) {
        if (pending != null) {
            pending.cancel();
        }
        opening.set(true);
        status.set(Messages.format("status.opening", path.getFileName()));
        pending = executor.submit("open " + path.getFileName(), () -> loader.open(path), this::shown, t -> {
            opening.set(false);
            status.set(Messages.format("status.openFailed", path.getFileName()));
            report(Messages.get("error.open"), UserError.reason(t));
        });
    }

    /** Shows an already opened image (e.g. from a test or the folder strip). */
    public void shown(OpenedImage img) {
        opening.set(false);
        // listeners first: inference starts on a worker while the FX thread builds the display
        onOpened.forEach(l -> l.accept(img));
        display.show(img);
        status.set(Messages.format("status.opened", img.path().getFileName(), String.valueOf(img.width()),
                String.valueOf(img.height()), img.image().format(), Math.round(img.decodeMillis())));
    }

    /** Reports a failure to the user (dialog) without touching what is shown. */
    public void report(String title, String message) {
        UserError e = new UserError(title, message);
        onError.forEach(l -> l.accept(e));
    }
}
