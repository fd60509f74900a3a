package org.cxrstudio.core.eval;

import org.cxrstudio.core.io.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-image scores file of {@code eval --scores}, read by {@code compare-scores}: a
 * {@link Csv} with header {@code file,label,group,score,iou}; {@code label} is {@code tb} or
 * {@code non_tb}, {@code score} the raw model probability, {@code iou} the IoU of the predicted
 * and the expert box unions on TB images with expert boxes (empty elsewhere). Files of older
 * builds have no {@code iou} column, and wrote file names holding commas unquoted: such a row has
 * extra fields, and everything left of the last three (four) is the file name.
 */
public final class ScoresFile {
    private static final List<String> HEADER = List.of("file", "label", "group", "score");
    private static final List<String> HEADER_IOU = List.of("file", "label", "group", "score", "iou");

    /**
     * One image's row.
     *
     * @param label {@code tb} or {@code non_tb} (any case)
     * @param score raw model probability
     * @param iou   {@code 0..1}, or {@code null} where the file has none for the image
     */
    public record Score(String label, String group, double score, Double iou) {
        public boolean positive() {
            return LabelsCsv.POSITIVE_LABEL.equalsIgnoreCase(label);
        }
    }

    private ScoresFile() { }

    /**
     * Writes one row per sample, in order, atomically. Scores are written in full (the shortest
     * text that reads back as the same double): rounded to a few decimals, the many scores of a
     * confident model that sit within 10⁻⁶ of 1 would become ties and change the AUC that
     * {@code compare-scores} computes from the file.
     */
    public static void write(Path csv, List<EvalSample> samples) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (EvalSample s : samples) {
            String iou = s.positive() && !s.truth().isEmpty()
                    ? String.format(Locale.ROOT, "%.6f", Localization.iouOfUnions(s.predicted(), s.truth(), s.imageWidth(), s.imageHeight()))
                    : "";
            rows.add(List.of(s.file(), s.positive() ? LabelsCsv.POSITIVE_LABEL : "non_tb", s.group(),
                    Double.toString(s.score()), iou));
        }
        Csv.write(csv, HEADER_IOU, rows);
    }

    /**
     * @return scores by file name, in file order; never empty
     * @throws IOException naming the file and line: not a scores file, a bad number, a file scored twice
     */
    public static Map<String, Score> read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": no such scores file");
        }
        List<Csv.Row> rows = Csv.read(csv);
        List<String> header = rows.isEmpty() || rows.get(0).line() != 1 ? List.of()
                : rows.get(0).fields().stream().map(String::strip).toList();
        boolean withIou = header.equals(HEADER_IOU);
        if (!withIou && !header.equals(HEADER)) {
            throw new IOException(csv + ": not a scores file of 'eval --scores' (header file,label,group,score[,iou] expected)");
        }
        int tail = header.size() - 1; // fields right of the file name
        Map<String, Score> out = new LinkedHashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            long line = row.line();
            if (f.size() < header.size() || f.get(0).isEmpty()) {
                throw new IOException(csv + " line " + line + ": expected " + String.join(",", header));
            }
            int at = f.size() - tail;
            String file = String.join(",", f.subList(0, at));
            Double iou = null;
            if (withIou && !f.get(at + 3).strip().isEmpty()) {
                iou = number(csv, line, "iou", f.get(at + 3).strip());
                if (iou < 0 || iou > 1) {
                    throw new IOException(csv + " line " + line + ": iou " + f.get(at + 3).strip() + " is not in 0..1");
                }
            }
            double score = number(csv, line, "score", f.get(at + 2).strip());
            if (out.put(file, new Score(f.get(at), f.get(at + 1), score, iou)) != null) {
                throw new IOException(csv + " line " + line + ": " + file + " is scored twice");
            }
        }
        if (out.isEmpty()) {
            throw new IOException(csv + ": no scores");
        }
        return out;
    }

    /**
     * The same scores keyed by each image's absolute, normalised path, so that two files that
     * name the same images differently ({@code ../data/a.png} from one folder,
     * {@code /work/data/a.png} from another) pair up; a relative name is taken from the current
     * directory, as {@code eval} wrote it when run from there. A name that is not a path stays as
     * it is.
     *
     * @throws IllegalArgumentException if two names of the file are the same image
     */
    public static Map<String, Score> byImage(Path csv, Map<String, Score> scores) {
        Map<String, Score> out = new LinkedHashMap<>();
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            String key;
            try {
                key = Path.of(e.getKey()).toAbsolutePath().normalize().toString();
            } catch (java.nio.file.InvalidPathException notAPath) {
                key = e.getKey();
            }
            if (out.put(key, e.getValue()) != null) {
                throw new IllegalArgumentException(csv + ": " + e.getKey() + " is the same image as another row (" + key + ")");
            }
        }
        return out;
    }

    /** Both files must score the same images with the same labels. */
    public static void requireSameImages(Path fileA, Map<String, Score> a, Path fileB, Map<String, Score> b) {
        List<String> onlyA = a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
        List<String> onlyB = b.keySet().stream().filter(k -> !a.containsKey(k)).toList();
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
            throw new IllegalArgumentException(fileA + " and " + fileB + " score different images: "
                    + onlyA.size() + " only in the first" + (onlyA.isEmpty() ? "" : " (e.g. " + onlyA.get(0) + ")") + ", "
                    + onlyB.size() + " only in the second" + (onlyB.isEmpty() ? "" : " (e.g. " + onlyB.get(0) + ")"));
        }
        for (String k : a.keySet()) {
            if (a.get(k).positive() != b.get(k).positive()) {
                throw new IllegalArgumentException(k + ": labelled '" + a.get(k).label() + "' in " + fileA
                        + " but '" + b.get(k).label() + "' in " + fileB);
            }
        }
    }

    private static double number(Path csv, long line, String what, String text) throws IOException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(csv + " line " + line + ": " + what + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IOException(csv + " line " + line + ": " + what + " is not finite");
        }
        return v;
    }
}
