package org.cxrstudio.ui.pacs;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cxrstudio.core.pacs.SeriesSummary;
import org.cxrstudio.core.pacs.StudySummary;
import org.cxrstudio.ui.Messages;

import java.util.List;
import java.util.function.Function;

/**
 * The "Open from PACS…" dialog content: server choice with a session-only password, the search
 * form, studies and series tables, and a retrieve bar with progress and cancel. Binds to
 * {@link PacsViewModel}; FX thread.
 */
public final class PacsView extends BorderPane {
    private final PacsViewModel vm;
    private final ComboBox<ServerEntry> server = new ComboBox<>();
    private final PasswordField password = new PasswordField();
    private final TableView<StudySummary> studies = new TableView<>();
    private final TableView<SeriesSummary> series = new TableView<>();

    public PacsView(PacsViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        setId("pacsView");
        setPadding(new Insets(10));
        server.setItems(vm.servers());
        server.setId("pacsServer");
        server.setPrefWidth(220);
        password.setPromptText(Messages.get("pacs.password"));
        password.setId("pacsPassword");
        password.setPrefWidth(230);
        Button add = new Button(Messages.get("pacs.addServer"));
        add.setOnAction(e -> addServerDialog());
        Button remove = new Button(Messages.get("pacs.removeServer"));
        remove.setOnAction(e -> {
            if (server.getValue() != null) {
                vm.removeServer(server.getValue());
            }
        });
        HBox serverRow = new HBox(8, new Label(Messages.get("pacs.server")), server, password, add, remove);
        Label note = new Label(Messages.get("pacs.passwordNote"));
        note.setWrapText(true);
        note.setStyle("-fx-font-size: 11px; -fx-text-fill: #666;");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(Messages.get("pacs.patientId")), field(vm.patientIdProperty(), "pacsPatientId"),
                new Label(Messages.get("pacs.patientName")), field(vm.patientNameProperty(), "pacsPatientName"),
                new Label(Messages.get("pacs.accession")), field(vm.accessionProperty(), "pacsAccession"));
        DatePicker from = new DatePicker();
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button search = new Button(Messages.get("pacs.search"));
        search.setId("pacsSearch");
        search.setDefaultButton(true);
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.busyProperty());
        form.addRow(1, new Label(Messages.get("pacs.from")), from, new Label(Messages.get("pacs.to")), to,
                new Label(Messages.get("pacs.modality")), field(vm.modalityProperty(), "pacsModality"), search);

        studies.setId("pacsStudies");
        studies.setItems(vm.studies());
        studies.getColumns().addAll(List.of(
                column("pacs.col.date", StudySummary::studyDate, 90),
                column("pacs.col.patientId", StudySummary::patientId, 110),
                column("pacs.col.name", s -> s.patientName().replace('^', ' '), 180),
                column("pacs.col.accession", StudySummary::accession, 110),
                column("pacs.col.modalities", s -> String.join(", ", s.modalities()), 90),
                column("pacs.col.images", s -> s.instanceCount() < 0 ? "" : Integer.toString(s.instanceCount()), 60),
                column("pacs.col.description", StudySummary::description, 200)));
        series.setId("pacsSeries");
        series.setItems(vm.series());
        series.getColumns().addAll(List.of(
                column("pacs.col.number", s -> s.number() < 0 ? "" : Integer.toString(s.number()), 60),
                column("pacs.col.modality", SeriesSummary::modality, 80),
                column("pacs.col.images", s -> s.instanceCount() < 0 ? "" : Integer.toString(s.instanceCount()), 60),
                column("pacs.col.description", SeriesSummary::description, 320)));
        SplitPane tables = new SplitPane(studies, series);
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.6);

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        bar.setPrefWidth(200);
        Label status = new Label();
        status.setId("pacsStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button open = new Button(Messages.get("pacs.open"));
        open.setId("pacsOpen");
        open.setOnAction(e -> vm.retrieve());
        open.disableProperty().bind(vm.busyProperty().or(vm.studyProperty().isNull()));
        Button cancel = new Button(Messages.get("pacs.cancel"));
        cancel.setId("pacsCancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        HBox bottom = new HBox(8, bar, status, cancel, open);
        bottom.setPadding(new Insets(8, 0, 0, 0));

        setTop(new VBox(6, serverRow, note, form));
        BorderPane.setMargin(tables, new Insets(8, 0, 0, 0));
        setCenter(tables);
        setBottom(bottom);
        setPrefSize(900, 560);
    }

    private void initListeners() {
        server.valueProperty().bindBidirectional(vm.serverProperty());
        vm.serverProperty().addListener((o, a, s) -> showPassword(s));
        showPassword(vm.serverProperty().get());
        password.textProperty().addListener((o, a, text) -> {
            if (server.getValue() != null && !text.isEmpty()) {
                vm.setPassword(server.getValue(), text.toCharArray());
            }
        });
        studies.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> vm.studyProperty().set(s));
        series.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> vm.selectedSeriesProperty().set(s));
        studies.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !vm.busyProperty().get()) {
                vm.retrieve();
            }
        });
    }

    private void showPassword(ServerEntry s) {
        password.clear();
        password.setDisable(s == null || s.user().isEmpty());
        password.setPromptText(Messages.get(s != null && vm.hasPassword(s) ? "pacs.passwordSet" : "pacs.password"));
    }

    private void addServerDialog() {
        Dialog<ServerEntry> d = new Dialog<>();
        d.setTitle(Messages.get("pacs.addServer"));
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        TextField name = new TextField();
        TextField url = new TextField();
        url.setPromptText(Messages.get("pacs.urlPrompt"));
        url.setPrefColumnCount(30);
        TextField user = new TextField();
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(Messages.get("pacs.name")), name);
        g.addRow(1, new Label(Messages.get("pacs.url")), url);
        g.addRow(2, new Label(Messages.get("pacs.user")), user);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new ServerEntry(name.getText(), url.getText(), user.getText()) : null);
        d.showAndWait().ifPresent(entry -> {
            try {
                vm.addServer(entry);
            } catch (IllegalArgumentException ex) {
                javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                        ex.getMessage());
                a.setHeaderText(Messages.get("pacs.badServer"));
                a.initOwner(d.getOwner());
                a.showAndWait();
            }
        });
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(10);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
