package org.cxrstudio.ui.shell;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.pacs.PacsView;
import org.cxrstudio.ui.pacs.PacsViewModel;
import org.cxrstudio.ui.pacs.ServerStore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * The "Open from PACS…" window: a {@link PacsView} in its own stage, one network worker thread,
 * servers remembered in the user's preferences, studies cached under
 * {@code ~/.cache/cxr-studio/pacs}. FX thread.
 */
final class PacsWindow {
    private final Stage stage = new Stage();

    PacsWindow(Window owner, Consumer<List<Path>> onRetrieved) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pacs");
            t.setDaemon(true);
            return t;
        });
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "cxr-studio", "pacs");
        PacsViewModel vm = new PacsViewModel(new ServerStore(Preferences.userRoot().node("org/cxrstudio/pacs")), cache,
                worker, Platform::runLater, files -> {
                    onRetrieved.accept(files);
                    stage.hide();
                });
        stage.setTitle(Messages.get("pacs.title"));
        stage.initOwner(owner);
        stage.setScene(new Scene(new PacsView(vm)));
        stage.setOnHidden(e -> vm.cancel());
    }

    void show() {
        stage.show();
        stage.toFront();
    }
}
