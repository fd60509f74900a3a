package org.cxrstudio.app.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.cxrstudio.core.dicom.codec.Jpeg2000Decoder;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.shell.MainWindow;
import org.cxrstudio.ui.shell.RecentFiles;
import org.cxrstudio.ui.task.FxBackgroundExecutor;
import org.cxrstudio.ui.viewer.ImageLoader;
import org.cxrstudio.ui.shell.MainViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JavaFX application and composition root of the viewer: wires the core reader and display
 * pipeline into the view models, restores preferences and opens the file given on the command
 * line (first unnamed parameter), if any.
 */
public final class CxrStudioApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(CxrStudioApp.class);
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    private final Locale systemLocale = Locale.getDefault();
    private final UserPrefs prefs = new UserPrefs();
    private final ViewerGate gate = new ViewerGate();
    private MainViewModel vm;
    private TrainingPanel training;

    /** Picks the UI language before any view exists: the user's choice, else the system's. */
    @Override
    public void init() {
        Messages.useLocale(prefs.language().orElse(systemLocale));
        Locale.setDefault(Messages.locale()); // JavaFX's own texts (dialog buttons) follow
        LOG.info("UI language {}", Messages.locale());
    }

    @Override
    public void start(Stage stage) {
        vm = new MainViewModel(ImageLoader.of(RadiographReader::read, DisplayPipeline::defaultWindow),
                onnx -> TbModelPredictor.load(onnx, gate), executor);
        RecentFiles recent = new RecentFiles(prefs.recentFiles(), prefs::saveRecentFiles);
        MainWindow window = new MainWindow(vm, recent);
        Scene scene = new Scene(window, 1400, 900);
        scene.getStylesheets().add(MainWindow.class.getResource("viewer.css").toExternalForm());
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        stage.show();
        Thread preload = new Thread(Jpeg2000Decoder::preload, "cxr-j2k-preload"); // off the first J2K open
        preload.setDaemon(true);
        preload.start();
        ModelCatalog models = ModelCatalog.discover();
        Optional<Path> trained = TrainingPanel.rememberedStudent(); // "Use this student" in the training panel
        List<Path> offered = new java.util.ArrayList<>(models.all());
        trained.filter(p -> !offered.contains(p)).ifPresent(offered::add);
        vm.useModels(offered, trained.or(() -> models.named("student.onnx")).or(() -> models.all().stream().findFirst()),
                models.named("teacher.onnx"));
        vm.onSiteChanged(prefs::saveSiteProfile);
        String siteArg = getParameters().getNamed().get("site"); // --site=SITE.json, e.g. for screenshots
        Optional<Path> site = siteArg != null ? Optional.of(Path.of(siteArg)) : prefs.siteProfile();
        site.ifPresent(vm::loadSite);
        training = TrainingPanel.install(stage, window, vm);
        if (window.lookup("#menuBar") instanceof MenuBar bar) {
            LanguageMenu.install(bar, prefs, systemLocale, stage);
        }
        List<String> files = getParameters().getUnnamed();
        if (!files.isEmpty()) {
            LOG.info("opening {}", files.get(0));
            window.open(Path.of(files.get(0)));
        } else {
            AppDirs.find("sample-images").stream().findFirst().ifPresent(d -> vm.folder().openFolder(d, false));
        }
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
        executor.close();
        gate.close();
        if (training != null) {
            training.close();
        }
    }
}
