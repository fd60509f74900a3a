package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;

import java.util.List;
import java.util.Map;

/**
 * One image of a labels CSV with all its boxes merged (the CSVs hold one row per box).
 *
 * @param filename image file name relative to the images folder
 * @param label    raw label, e.g. {@code tb}, {@code normal}, {@code no_finding}
 * @param positive {@code label} is {@code tb} (case-insensitive)
 * @param boxes    ground-truth boxes in image pixels (empty when none or no box columns)
 * @param columns  the image's first row, column name → value
 */
public record LabeledImage(String filename, String label, boolean positive, List<Box> boxes,
                           Map<String, String> columns) {
    public LabeledImage {
        boxes = List.copyOf(boxes);
        columns = Map.copyOf(columns);
    }
}
