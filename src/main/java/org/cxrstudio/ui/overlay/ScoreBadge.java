package org.cxrstudio.ui.overlay;

import javafx.scene.control.Label;

/**
 * The TB score (0-100) against the operating threshold on the same scale as a coloured badge: red
 * "TB suspected" at or above the threshold, green "No TB signs" below, grey while loading, running
 * or when the input gate refused the image. Colour and text
 * both carry the result (colour-blind users read the text).
 */
public final class ScoreBadge extends Label {

    public ScoreBadge(ModelSlotViewModel slot) {
        getStyleClass().add("score-badge");
        setMaxWidth(Double.MAX_VALUE);
        setWrapText(true);
        Runnable update = () -> {
            setText(slot.scoreText());
            getStyleClass().removeAll("positive", "negative", "unknown");
            getStyleClass().add(slot.predictionProperty().get() == null ? "unknown"
                    : slot.positiveProperty().get() ? "positive" : "negative");
        };
        slot.predictionProperty().addListener((o, a, b) -> update.run());
        slot.thresholdProperty().addListener((o, a, b) -> update.run());
        slot.positiveProperty().addListener((o, a, b) -> update.run());
        slot.stateProperty().addListener((o, a, b) -> update.run());
        slot.refusalProperty().addListener((o, a, b) -> update.run());
        slot.siteProperty().addListener((o, a, b) -> update.run());
        slot.runningProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
