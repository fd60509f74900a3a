package org.cxrstudio.ui.shell;

import org.cxrstudio.core.imaging.ImageFiles;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.geometry.Insets;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.scene.control.ScrollPane;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.compare.CompareView;
import org.cxrstudio.ui.overlay.AiPanel;
import org.cxrstudio.ui.overlay.OverlayLayer;
import org.cxrstudio.ui.viewer.ImageCanvas;
import org.cxrstudio.ui.viewer.UserError;
import org.cxrstudio.ui.viewer.ViewerViewModel;

import java.io.File;
import java.io.IOException;
import javafx.scene.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main window's content: menu and toolbar on top, the image in the centre, the side panel
 * (image attributes) on the right and the status bar below. Files open through the menu, the
 * toolbar, drag and drop, or the recent-files list.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel main;
    private final ViewerViewModel vm;
    private final RecentFiles recent;
    private final ProgressIndicator busy = new ProgressIndicator();
    private final OverlayLayer overlay;
    private CompareView compareView;
    private final ImageCanvas canvas;
    private final StackPane center = new StackPane();
    private final GateBanner banner;
    private final TabPane side = new TabPane();
    private Path lastDirectory;
    private PacsWindow pacs;

    public MainWindow(MainViewModel main, RecentFiles recent) {
        this.main = main;
        this.vm = main.viewer();
        this.recent = recent;
        this.canvas = new ImageCanvas(vm.display(), vm.viewport());
        this.overlay = new OverlayLayer(canvas, vm.viewport(), main.student(), main.overlays());
        this.banner = new GateBanner(main.student());
        createView();
        initListeners();
    }

    private void createView() {
        setId("mainWindow");
        canvas.setId("imageCanvas");
        busy.setMaxSize(48, 48);
        busy.visibleProperty().bind(vm.openingProperty());
        busy.setMouseTransparent(true);
        center.getChildren().addAll(canvas, busy, banner);
        StackPane.setAlignment(banner, javafx.geometry.Pos.TOP_CENTER);
        center.getStyleClass().add("viewer-center");

        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab ai = new Tab(Messages.get("tab.ai"), new ScrollPane(new AiPanel(main.student(), main.overlays(), main.models())));
        ((ScrollPane) ai.getContent()).setFitToWidth(true);
        side.getTabs().addAll(ai,
                new Tab(Messages.get("tab.info"), new MetadataPanel(new MetadataViewModel(vm.display().imageProperty()))),
                new Tab(Messages.get("tab.model"), new ModelCardPanel(main.student())));
        side.setPrefWidth(320);

        VBoxTop top = new VBoxTop(new MainMenu(this).build(), MainToolBar.build(this));
        setTop(top);
        setCenter(center);
        setRight(side);
        setLeft(new FolderStrip(main.folder()));
        setBottom(StatusBar.build(main));
    }

    private void initListeners() {
        vm.addOnError(this::showError);
        vm.addOnOpened(img -> recent.add(img.path()));
        main.compare().activeProperty().addListener((o, a, on) -> showCompare(on));
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean inList = e.getTarget() instanceof javafx.scene.control.ListView
                    || e.getTarget() instanceof javafx.scene.control.Slider || e.getTarget() instanceof javafx.scene.control.ComboBox;
            if (!inList && switch (e.getCode()) {
                case RIGHT, DOWN, PAGE_DOWN -> main.folder().next();
                case LEFT, UP, PAGE_UP -> main.folder().previous();
                default -> false;
            }) {
                e.consume();
            }
        });
        setOnDragOver(this::onDragOver);
        setOnDragDropped(this::onDragDropped);
    }

    private void onDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void onDragDropped(DragEvent e) {
        List<File> files = e.getDragboard().getFiles();
        boolean ok = files != null && !files.isEmpty();
        if (ok) {
            Path p = files.get(0).toPath();
            if (java.nio.file.Files.isDirectory(p)) {
                main.folder().openFolder(p, true);
            } else {
                open(p);
            }
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void showCompare(boolean on) {
        if (on && compareView == null) {
            compareView = new CompareView(main.compare(), vm.display(), vm.viewport(), main.overlays(), main.models());
            compareView.headerHeightProperty().addListener((o, a, b) -> placeBanner());
        }
        center.getChildren().setAll(on ? compareView : canvas, busy, banner);
        placeBanner();
        vm.viewport().fit();
    }

    /** The gate banner sits at the top of the image; in compare mode below the model headers, so it covers no model picker. */
    private void placeBanner() {
        boolean compare = compareView != null && center.getChildren().contains(compareView);
        StackPane.setMargin(banner, new Insets(compare ? compareView.headerHeightProperty().get() : 0, 0, 0, 0));
    }

    /** Opens a file (and remembers it in the recent list once it is shown). */
    public void open(Path p) {
        lastDirectory = p.toAbsolutePath().getParent();
        vm.open(p);
    }

    void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("menu.open").replace("_", ""));
        List<String> images = new ArrayList<>(ImageFiles.globPatterns());
        images.add("*"); // DICOM files often have no ending
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("filter.images"), images),
                new FileChooser.ExtensionFilter(Messages.get("filter.all"), "*"));
        if (lastDirectory != null && lastDirectory.toFile().isDirectory()) {
            fc.setInitialDirectory(lastDirectory.toFile());
        }
        File f = fc.showOpenDialog(window());
        if (f != null) {
            open(f.toPath());
        }
    }

    void chooseSite() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("menu.site").replace("_", ""));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("filter.site"), "*.json"));
        File f = fc.showOpenDialog(window());
        if (f != null) {
            main.loadSite(f.toPath());
        }
    }

    void chooseFolder() {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        if (lastDirectory != null && lastDirectory.toFile().isDirectory()) {
            dc.setInitialDirectory(lastDirectory.toFile());
        }
        File f = dc.showDialog(window());
        if (f != null) {
            lastDirectory = f.toPath();
            main.folder().openFolder(f.toPath(), true);
        }
    }

    /** Asks for a file and writes the current view (or the report) as PNG; errors go to a dialog. */
    void export(boolean report) {
        if (vm.display().image() == null) {
            vm.report(Messages.get("error.nothingToExport"), Messages.get("error.nothingToExport.detail"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("filter.png"), "*.png"));
        String base = vm.display().image().path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        fc.setInitialFileName(base + (report ? "-report.png" : "-view.png"));
        File f = fc.showSaveDialog(window());
        if (f != null) {
            exportTo(f.toPath(), report);
        }
    }

    /** Writes the current view (or the report) to {@code out}; errors go to a dialog. */
    public void exportTo(Path out, boolean report) {
        Node view = center.getChildren().get(0);
        try {
            if (report) {
                ReportExporter.exportReport(view, vm.display().image(), main.student(), out);
            } else {
                ReportExporter.exportView(view, out);
            }
        } catch (IOException | RuntimeException e) {
            vm.report(Messages.get("error.export"), out + ": " + UserError.reason(e));
        }
    }

    /** Opens the "Open from PACS…" window (one per main window, kept between uses). */
    void openFromPacs() {
        if (pacs == null) {
            pacs = new PacsWindow(window(), files -> {
                if (!files.isEmpty()) {
                    main.folder().openFolder(files.get(0).getParent(), true);
                }
            });
        }
        pacs.show();
    }

    /** Asks where, and whether to name the patient, then writes the PDF report of the current result. */
    void savePdfReport() {
        if (vm.display().image() == null || main.student().predictionProperty().get() == null) {
            vm.report(Messages.get("pdf.title"), Messages.get("pdf.nothing"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("pdf.filter"), "*.pdf"));
        String base = vm.display().image().path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        fc.setInitialFileName(base + "-report.pdf");
        File f = fc.showSaveDialog(window());
        if (f == null) {
            return;
        }
        Boolean withPatient = PdfReportSaver.askPatient(window());
        if (withPatient != null) {
            try {
                PdfReportSaver.save(vm.display().image(), main.student(), withPatient, f.toPath());
            } catch (IOException | RuntimeException e) {
                vm.report(Messages.get("pdf.failed"), f + ": " + UserError.reason(e));
            }
        }
    }

    void zoom(double factor) {
        vm.viewport().zoomAt(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    private void showError(UserError err) {
        Alert alert = new Alert(Alert.AlertType.ERROR, err.message());
        alert.setTitle(err.title());
        alert.setHeaderText(err.title());
        alert.initOwner(window());
        alert.getDialogPane().setId("errorDialog");
        alert.show();
    }

    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    MainViewModel mainViewModel() {
        return main;
    }

    /** The single-view overlay (student). */
    public OverlayLayer overlay() {
        return overlay;
    }

    /** The compare view, once compare mode was switched on; else {@code null}. */
    public CompareView compareView() {
        return compareView;
    }

    RecentFiles recent() {
        return recent;
    }

    public ImageCanvas canvas() {
        return canvas;
    }

    /** Two stacked nodes for the top area. */
    private static final class VBoxTop extends javafx.scene.layout.VBox {
        VBoxTop(javafx.scene.Node... nodes) {
            super(nodes);
        }
    }
}
