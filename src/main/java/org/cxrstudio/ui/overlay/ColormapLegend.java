package org.cxrstudio.ui.overlay;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import org.cxrstudio.ui.Messages;

/** A horizontal colour bar of the current heatmap colour table, labelled 0 (low) to 1 (high saliency). */
public final class ColormapLegend extends BorderPane {
    private static final int WIDTH = 220;
    private final ImageView bar = new ImageView();

    public ColormapLegend(ObjectProperty<Colormap> colormap) {
        setTop(bar);
        setLeft(new Label(Messages.get("legend.low")));
        setRight(new Label(Messages.get("legend.high")));
        colormap.addListener((o, a, b) -> draw(b));
        draw(colormap.get());
    }

    private void draw(Colormap map) {
        WritableImage img = new WritableImage(WIDTH, 12);
        for (int x = 0; x < WIDTH; x++) {
            int rgb = map.rgb(x / (WIDTH - 1.0));
            Color c = Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
            for (int y = 0; y < 12; y++) {
                img.getPixelWriter().setColor(x, y, c);
            }
        }
        bar.setImage(img);
    }
}
