package org.cxrstudio.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;

/**
 * The banner over the image when the input gate refused it ("Not a frontal chest X-ray: …"),
 * with the explicit "Score anyway" button; hidden otherwise. While it shows, the slot has no
 * result, so no heatmap, boxes or score are drawn.
 */
final class GateBanner extends HBox {

    GateBanner(ModelSlotViewModel slot) {
        super(12);
        setId("gateBanner");
        getStyleClass().add("gate-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 14, 10, 14));
        setMaxHeight(USE_PREF_SIZE);
        setMaxWidth(760);
        Label text = new Label();
        text.setId("gateBannerText");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button anyway = new Button(Messages.get("gate.scoreAnyway"));
        anyway.setId("scoreAnyway");
        anyway.setMinWidth(USE_PREF_SIZE);
        anyway.setTooltip(new Tooltip(Messages.get("gate.scoreAnyway.tooltip")));
        anyway.setOnAction(e -> slot.scoreAnyway());
        anyway.disableProperty().bind(slot.runningProperty());
        getChildren().addAll(text, anyway);
        Runnable update = () -> {
            String t = slot.bannerText();
            text.setText(t == null ? "" : t);
            setVisible(t != null);
        };
        slot.refusalProperty().addListener((o, a, b) -> update.run());
        update.run();
        setManaged(true);
    }
}
