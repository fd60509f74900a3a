package org.cxrstudio.ui.training;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.viewer.UserError;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training panel: the form on the left (files, preset, hyperparameters with tooltips),
 * progress with ETA, live loss and AUC charts, the log and the result on the right, and the
 * commands below. Binds to a {@link TrainingViewModel}; dialogs (errors, "folder not empty")
 * are shown here.
 */
public final class TrainingView extends BorderPane {
    private final TrainingViewModel vm;
    private final TrainingForm form;
    /** Keeps the asObject() adapters of bidirectional spinner bindings reachable. */
    private final List<Object> bindingAnchors = new ArrayList<>();
    private int row;

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        this.form = vm.form();
        createView();
        initListeners();
    }

    private void createView() {
        setId("trainingView");
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        pathRow(grid, "teacher", form.teacherProperty(), false, Messages.get("filter.onnx"), "*.onnx");
        Label card = new Label();
        card.setId("teacherCard");
        card.setWrapText(true);
        card.setMaxWidth(380);
        card.textProperty().bind(vm.teacherTextProperty());
        grid.add(card, 1, row++, 2, 1);
        pathRow(grid, "images", form.imagesProperty(), true, null, null);
        pathRow(grid, "labels", form.labelsProperty(), false, Messages.get("filter.csv"), "*.csv");
        pathRow(grid, "unlabeled", form.unlabeledProperty(), true, null, null);
        pathRow(grid, "out", form.outProperty(), true, null, null);
        ComboBox<String> arch = new ComboBox<>(vm.presets());
        arch.setId("archBox");
        arch.valueProperty().bindBidirectional(form.archProperty());
        addRow(grid, "arch", arch);
        addRow(grid, "size", intSpinner("sizeSpinner", 32, 1024, 32, form.inputSizeProperty().asObject()));
        addRow(grid, "r0", doubleSpinner("r0Spinner", TrainingForm.MIN_R0, TrainingForm.MAX_R0, 0.5, form.r0Property().asObject()));
        addRow(grid, "epochs", intSpinner("epochsSpinner", 1, 1000, 1, form.epochsProperty().asObject()));
        addRow(grid, "budget", intSpinner("budgetSpinner", 0, 100_000, 5, form.timeBudgetMinProperty().asObject()));
        addRow(grid, "batch", intSpinner("batchSpinner", 2, 512, 2, form.batchSizeProperty().asObject()));
        addRow(grid, "lr", doubleSpinner("lrSpinner", 1e-6, 1, 1e-4, form.learningRateProperty().asObject()));
        addRow(grid, "temperature", doubleSpinner("temperatureSpinner", 0.1, 20, 0.5, form.temperatureProperty().asObject()));
        addRow(grid, "alpha", doubleSpinner("alphaSpinner", 0, 1, 0.1, form.kdAlphaProperty().asObject()));
        addRow(grid, "beta", doubleSpinner("betaSpinner", 0, 10, 0.5, form.camWeightProperty().asObject()));
        addRow(grid, "boxes", doubleSpinner("boxSpinner", 0, TrainingForm.MAX_BOX_WEIGHT, 0.5, form.boxWeightProperty().asObject()));
        Spinner<Double> aals = doubleSpinner("aalsSpinner", 1, 10, 0.5, form.aalsA0Property().asObject());
        aals.disableProperty().bind(form.unlabeledProperty().isNull()); // used only for unlabelled images
        addRow(grid, "aals", aals);
        CheckBox imageNet = new CheckBox(Messages.get("training.imagenet"));
        imageNet.setId("imagenetCheck");
        imageNet.setTooltip(tip("imagenet"));
        imageNet.selectedProperty().bindBidirectional(form.fromImageNetProperty());
        imageNet.selectedProperty().addListener((o, was, on) -> {
            if (on && !TrainingForm.startsFromImageNet(form.archProperty().get())) {
                form.archProperty().set(TrainingForm.IMAGENET_ARCH); // the weights fit it and its cut mobilenetv2-sK
            }
        });
        grid.add(imageNet, 0, row++, 3, 1);
        for (Node n : pathRow(grid, "init", form.initProperty(), false, "TensorFlow Lite", "*.tflite")) {
            n.disableProperty().bind(form.fromImageNetProperty().not());
        }
        CheckBox baseline = new CheckBox(Messages.get("training.baseline"));
        baseline.setId("baselineCheck");
        baseline.setTooltip(tip("baseline"));
        baseline.selectedProperty().bindBidirectional(form.baselineProperty());
        grid.add(baseline, 0, row++, 3, 1);
        grid.disableProperty().bind(vm.runningBinding());
        ScrollPane formPane = new ScrollPane(grid);
        formPane.setFitToWidth(true);
        formPane.setMinWidth(460);

        SplitPane split = new SplitPane(formPane, createRunPane());
        split.setDividerPositions(0.36);
        setCenter(split);
        setBottom(createCommands());
    }

    private VBox createRunPane() {
        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label eta = new Label();
        eta.setId("etaLabel");
        eta.setMinWidth(130);
        eta.textProperty().bind(vm.etaProperty());
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(vm.statusProperty());
        Label state = new Label();
        state.setId("stateLabel");
        state.textProperty().bind(Bindings.convert(vm.stateProperty()));
        ListView<String> log = new ListView<>(vm.log());
        log.setId("logList");
        log.setPrefHeight(150);
        log.setStyle("-fx-font-family: monospace;");
        vm.log().addListener((ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));
        TextArea summary = new TextArea();
        summary.setId("summaryArea");
        summary.setEditable(false);
        summary.setPrefRowCount(9);
        summary.setStyle("-fx-font-family: monospace;");
        summary.visibleProperty().bind(vm.resultProperty().isNotNull());
        summary.managedProperty().bind(summary.visibleProperty());
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.resultProperty().get() == null ? ""
                : vm.resultProperty().get().summary() + "\n\n" + Messages.format("training.exported", vm.resultProperty().get().model()),
                vm.resultProperty()));
        TrainingCharts charts = new TrainingCharts(vm.epochs());
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox box = new VBox(6, new HBox(8, state, bar, eta), status, charts, summary, log);
        box.setPadding(new Insets(10));
        return box;
    }

    private HBox createCommands() {
        Button start = command("startButton", "training.start", vm::start);
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.runningBinding());
        Button cancel = command("cancelButton", "training.cancel", vm::cancel);
        cancel.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingViewModel.State.RUNNING));
        Button resume = command("resumeButton", "training.resume", vm::resume);
        resume.disableProperty().bind(vm.canResumeBinding().not());
        Button use = command("useStudentButton", "training.use", vm::useStudent);
        use.disableProperty().bind(vm.resultProperty().isNull());
        Button compare = command("compareButton", "training.compare", vm::compareWithTeacher);
        compare.disableProperty().bind(vm.resultProperty().isNull());
        HBox box = new HBox(8, start, cancel, resume, new Label("  "), use, compare);
        box.setPadding(new Insets(8, 10, 10, 10));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button command(String id, String key, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void initListeners() {
        vm.errorProperty().addListener((o, a, err) -> showError(err));
        vm.setConfirmer((title, question) -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
            a.setHeaderText(title);
            if (getScene() != null) {
                a.initOwner(getScene().getWindow());
            }
            return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
        });
    }

    private void showError(UserError err) {
        if (err == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, err.message());
        alert.setHeaderText(err.title());
        alert.getDialogPane().setId("trainingErrorDialog");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    /** @return the text field and its browse button */
    private Node[] pathRow(GridPane grid, String key, ObjectProperty<Path> property, boolean folder,
                           String filterName, String pattern) {
        TextField field = new TextField();
        field.setId(key + "Field");
        field.setPrefColumnCount(24);
        Bindings.bindBidirectional(field.textProperty(), property, PATHS);
        Button browse = new Button(Messages.get("training.browse"));
        browse.setId(key + "Browse");
        browse.setOnAction(e -> choose(property, folder, filterName, pattern));
        addRow(grid, key, field);
        grid.add(browse, 2, row - 1);
        return new Node[] {field, browse};
    }

    private void choose(ObjectProperty<Path> property, boolean folder, String filterName, String pattern) {
        Path current = property.get();
        File initial = current == null ? null : (folder ? current.toFile() : current.toAbsolutePath().getParent().toFile());
        File chosen;
        if (folder) {
            DirectoryChooser dc = new DirectoryChooser();
            if (initial != null && initial.isDirectory()) {
                dc.setInitialDirectory(initial);
            }
            chosen = dc.showDialog(getScene().getWindow());
        } else {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
            if (initial != null && initial.isDirectory()) {
                fc.setInitialDirectory(initial);
            }
            chosen = fc.showOpenDialog(getScene().getWindow());
        }
        if (chosen != null) {
            property.set(chosen.toPath());
        }
    }

    private void addRow(GridPane grid, String key, Node control) {
        Label label = new Label(Messages.get("training." + key));
        label.setLabelFor(control);
        Tooltip t = tip(key);
        label.setTooltip(t);
        if (control instanceof javafx.scene.control.Control c) {
            c.setTooltip(t);
        }
        grid.add(label, 0, row);
        grid.add(control, 1, row++);
    }

    private static Tooltip tip(String key) {
        Tooltip t = new Tooltip(Messages.get("training.tip." + key));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    private Spinner<Integer> intSpinner(String id, int min, int max, int step, Property<Integer> p) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.getValue(), step));
        s.setId(id);
        s.setEditable(true);
        s.getValueFactory().valueProperty().bindBidirectional(p);
        bindingAnchors.add(p);
        return s;
    }

    private Spinner<Double> doubleSpinner(String id, double min, double max, double step, Property<Double> p) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, p.getValue(), step);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (Math.abs(v) < 0.01 && v != 0 ? String.format(java.util.Locale.ROOT, "%.1e", v) : String.valueOf(v));
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
        Spinner<Double> s = new Spinner<>(f);
        s.setId(id);
        s.setEditable(true);
        f.valueProperty().bindBidirectional(p);
        bindingAnchors.add(p);
        return s;
    }

    private static final StringConverter<Path> PATHS = new StringConverter<>() {
        @Override
        public String toString(Path p) {
            return p == null ? "" : p.toString();
        }

        @Override
        public Path fromString(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return Path.of(s.trim());
            } catch (InvalidPathException e) {
                return null;
            }
        }
    };

    public TrainingViewModel viewModel() {
        return vm;
    }
}
