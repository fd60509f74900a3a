package org.cxrstudio.ui.overlay;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;

/** A horizontal colour bar of the current heatmap colour table, labelled 0 (low) to 1 (high saliency). */
public final class ColormapLegend extends BorderPane {
    private final ImageView bar = new ImageView();

    public ColormapLegend(ObjectProperty<Colormap> colormap) {
        bar.setFitWidth(200);
        bar.setFitHeight(12);
        bar.setSmooth(true);
        setTop(bar);
        setLeft(new Label("0 low"));
        setRight(new Label("1 high saliency"));
        colormap.addListener((o, a, b) -> draw(b));
        draw(colormap.get());
    }

    private void draw(Colormap map) {
        WritableImage img = new WritableImage(256, 1);
        for (int i = 0; i < 256; i++) {
            int rgb = map.rgb(i / 255.0);
            img.getPixelWriter().setColor(i, 0, Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
        }
        bar.setImage(img);
    }
}
