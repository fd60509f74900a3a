package org.cxrstudio.ui.shell;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cxrstudio.ui.Messages;

import java.util.Map;

/** Side-panel table of image attributes with the patient-identifier toggle. */
public final class MetadataPanel extends VBox {

    public MetadataPanel(MetadataViewModel vm) {
        TableView<Map.Entry<String, String>> table = new TableView<>(vm.rows());
        table.setId("metadataTable");
        TableColumn<Map.Entry<String, String>, String> key = new TableColumn<>(Messages.get("meta.key"));
        key.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getKey()));
        key.setPrefWidth(130);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>(Messages.get("meta.value"));
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue()));
        value.setPrefWidth(170);
        table.getColumns().add(key);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        CheckBox patient = new CheckBox(Messages.get("meta.showPatient"));
        patient.setId("showPatient");
        patient.selectedProperty().bindBidirectional(vm.showPatientProperty());
        setSpacing(6);
        getChildren().addAll(table, patient);
        VBox.setVgrow(table, Priority.ALWAYS);
    }
}
