package org.cxrstudio.ui.shell;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Most-recently-opened files, newest first, at most {@link #MAX} entries, saved through a store
 * supplied by the composition root (user preferences in the app, nothing in tests).
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final Consumer<List<Path>> store;

    /**
     * @param initial previously saved entries, newest first
     * @param store   called with the new list after each change
     */
    public RecentFiles(List<Path> initial, Consumer<List<Path>> store) {
        this.store = store;
        initial.stream().distinct().limit(MAX).forEach(files::add);
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** Moves {@code p} to the front (adding it if new) and drops the oldest beyond {@link #MAX}. */
    public void add(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        if (files.size() > MAX) {
            files.remove(MAX, files.size());
        }
        store.accept(List.copyOf(files));
    }

    public void clear() {
        files.clear();
        store.accept(List.of());
    }
}
