package org.cxrstudio.core.training.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code --images DIR --labels CSV} pair.
 *
 * @param images folder holding the image files named in {@code labels}
 * @param labels labels CSV ({@code filename,label[,x1,y1,x2,y2][,source]...}; one row per box)
 */
public record LabeledFolder(Path images, Path labels) {
    public LabeledFolder {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
    }
}
