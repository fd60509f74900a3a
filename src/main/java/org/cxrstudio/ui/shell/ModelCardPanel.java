package org.cxrstudio.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;


/**
 * Model card summary of a slot's model: name, version, architecture, role, input, threshold,
 * how it was trained and how it validated (flattened key: value lines).
 */
public final class ModelCardPanel extends ScrollPane {
    private final Label text = new Label(Messages.get("card.none"));

    public ModelCardPanel(ModelSlotViewModel slot) {
        text.setId("modelCard");
        text.setWrapText(true);
        text.setPadding(new Insets(8));
        setContent(new VBox(text));
        setFitToWidth(true);
        slot.cardProperty().addListener((o, a, c) -> text.setText(ModelCardText.describe(c, slot.deviceProperty().get(),
                slot.deviceReasonProperty().get())));
    }
}
