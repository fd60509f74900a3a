package org.cxrstudio.core.eval;

import org.cxrstudio.core.io.Csv;
import org.cxrstudio.core.io.IoErrors;
import org.cxrstudio.core.saliency.Box;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labels CSV in the format of {@code shared/data/*}{@code /labels.csv}: a header with at least
 * {@code filename} and {@code label}; optional box columns {@code x1,y1,x2,y2} (image pixels, one
 * row per box, empty on rows without a box); any other columns (e.g. {@code source}) are kept for
 * grouping. {@code label == "tb"} is positive. Fields may be double-quoted (RFC 4180, read by {@link Csv}).
 *
 * @param csv           where it was read from
 * @param header        column names
 * @param images        one entry per file, in first-seen order
 * @param hasBoxColumns the header holds {@code x1,y1,x2,y2}
 */
public record LabelsCsv(Path csv, List<String> header, List<LabeledImage> images, boolean hasBoxColumns) {
    public static final String POSITIVE_LABEL = "tb";

    public LabelsCsv {
        header = List.copyOf(header);
        images = List.copyOf(images);
    }

    /**
     * The value of {@code column} for an image, mapped through {@code mapping}. A CSV without
     * that column gives every image the name of the folder holding the CSV (e.g. {@code
     * tbx11k-tb}, {@code nih-cxr14}), so single-source sets still form one group.
     */
    public String groupOf(LabeledImage image, String column, SourceMapping mapping) {
        String raw = header.contains(column) ? image.columns().getOrDefault(column, "")
                : String.valueOf(csv.toAbsolutePath().normalize().getParent().getFileName());
        return mapping.apply(raw);
    }

    /** @throws IOException naming the file (and line) when it cannot be read or is malformed */
    public static LabelsCsv read(Path csv) throws IOException {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(csv + ": cannot read labels CSV (" + IoErrors.reason(e) + ")", e);
        }
        List<Csv.Row> rows = Csv.parse(text, csv.toString());
        if (rows.isEmpty() || rows.get(0).line() != 1) {
            throw new IOException(csv + ": empty labels CSV (expected a header with filename,label)");
        }
        List<String> header = rows.get(0).fields();
        int fileCol = header.indexOf("filename");
        int labelCol = header.indexOf("label");
        if (fileCol < 0 || labelCol < 0) {
            throw new IOException(csv + ": header lacks 'filename' and/or 'label' columns: " + header);
        }
        int[] boxCols = {header.indexOf("x1"), header.indexOf("y1"), header.indexOf("x2"), header.indexOf("y2")};
        boolean hasBoxes = boxCols[0] >= 0 && boxCols[1] >= 0 && boxCols[2] >= 0 && boxCols[3] >= 0;
        Map<String, Builder> byFile = new LinkedHashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            long ln = row.line();
            if (f.size() != header.size()) {
                throw new IOException(csv + ":" + ln + ": " + f.size() + " fields, header has " + header.size());
            }
            String name = f.get(fileCol).trim();
            if (name.isEmpty()) {
                throw new IOException(csv + ":" + ln + ": empty filename");
            }
            Builder b = byFile.computeIfAbsent(name, k -> new Builder(name, f.get(labelCol).trim(), header, f));
            if (!b.label.equals(f.get(labelCol).trim())) {
                throw new IOException(csv + ":" + ln + ": " + name + " labelled both '" + b.label
                        + "' and '" + f.get(labelCol).trim() + "'");
            }
            if (hasBoxes && !f.get(boxCols[0]).isBlank()) {
                b.boxes.add(box(csv, ln, f, boxCols));
            }
        }
        List<LabeledImage> images = new ArrayList<>();
        for (Builder b : byFile.values()) {
            images.add(new LabeledImage(b.name, b.label, POSITIVE_LABEL.equalsIgnoreCase(b.label), b.boxes, b.columns));
        }
        return new LabelsCsv(csv, header, images, hasBoxes);
    }

    private static Box box(Path csv, long line, List<String> f, int[] cols) throws IOException {
        try {
            double x1 = Double.parseDouble(f.get(cols[0]).trim());
            double y1 = Double.parseDouble(f.get(cols[1]).trim());
            double x2 = Double.parseDouble(f.get(cols[2]).trim());
            double y2 = Double.parseDouble(f.get(cols[3]).trim());
            if (!(Double.isFinite(x1) && Double.isFinite(y1) && Double.isFinite(x2) && Double.isFinite(y2))) {
                throw new IllegalArgumentException("coordinates must be finite pixel positions");
            }
            return new Box(x1, y1, x2, y2, 1.0);
        } catch (IllegalArgumentException e) {
            throw new IOException(csv + ":" + line + ": bad box " + f.get(cols[0]) + "," + f.get(cols[1]) + ","
                    + f.get(cols[2]) + "," + f.get(cols[3]) + " (" + e.getMessage() + ")", e);
        }
    }

    private static final class Builder {
        final String name;
        final String label;
        final Map<String, String> columns = new HashMap<>();
        final List<Box> boxes = new ArrayList<>();

        Builder(String name, String label, List<String> header, List<String> fields) {
            this.name = name;
            this.label = label;
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), fields.get(i));
            }
        }
    }
}
