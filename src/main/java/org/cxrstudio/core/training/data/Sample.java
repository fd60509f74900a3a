package org.cxrstudio.core.training.data;

import org.cxrstudio.core.saliency.Box;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One training or validation image.
 *
 * @param file     the image file
 * @param labeled  {@code false} for images of an {@code --unlabeled} folder (AALS pseudo-labels)
 * @param positive TB ({@code label == tb}); {@code false} when unlabelled
 * @param source   acquisition source used for stratification, balancing and per-source metrics:
 *                 the CSV's {@code source} column mapped through
 *                 {@link org.cxrstudio.core.eval.SourceMapping#DEFAULT} ({@code da_db_png},
 *                 {@code da_db_jpg} → {@code da_db}), else the name of the folder holding the CSV
 *                 (e.g. {@code tbx11k-tb}); {@value #UNLABELED} for unlabelled images
 * @param dataset  name of the folder holding the labels CSV (or the unlabelled folder)
 * @param boxes    ground-truth TB boxes in original image pixels (validation mIoU only)
 */
public record Sample(Path file, boolean labeled, boolean positive, String source, String dataset, List<Box> boxes) {
    /** Source name of unlabelled images. */
    public static final String UNLABELED = "unlabeled";

    public Sample {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataset, "dataset");
        boxes = List.copyOf(boxes);
    }

    /** The file name, which identifies the image in split files. */
    public String filename() {
        return file.getFileName().toString();
    }

    /** {@code tb}, {@code normal} or {@value #UNLABELED}: the label part of the stratum. */
    public String labelName() {
        return !labeled ? UNLABELED : positive ? "tb" : "normal";
    }
}
