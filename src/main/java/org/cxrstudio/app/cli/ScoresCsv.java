package org.cxrstudio.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-image scores file of {@code eval --scores}: {@code file,label,group,score[,iou]} lines
 * after a header, read for {@code compare-scores}. Files of older builds have no {@code iou}
 * column; the file name may itself hold commas (the other fields are split off from the right).
 */
final class ScoresCsv {
    private ScoresCsv() { }

    /** One image's line of a scores file; {@code iou} is null where the file has none for it. */
    record Score(String label, String group, double score, Double iou) {
        boolean positive() {
            return "tb".equalsIgnoreCase(label);
        }
    }

    /** The scores by image file name, in file order. */
    static Map<String, Score> read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": no such scores file");
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String header = lines.isEmpty() ? "" : lines.get(0).strip();
        boolean withIou = header.equals("file,label,group,score,iou");
        if (!withIou && !header.equals("file,label,group,score")) {
            throw new IOException(csv + ": not a scores file of 'eval --scores' (header file,label,group,score[,iou] expected)");
        }
        Map<String, Score> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Double iou = null;
            if (withIou) {
                int c = line.lastIndexOf(',');
                String v = c < 0 ? "" : line.substring(c + 1);
                line = c < 0 ? "" : line.substring(0, c);
                if (!v.isEmpty()) {
                    iou = number(csv, i, "iou", v);
                    if (iou < 0 || iou > 1) {
                        throw new IOException(csv + " line " + (i + 1) + ": iou " + v + " is not in 0..1");
                    }
                }
            }
            int c3 = line.lastIndexOf(',');
            int c2 = c3 > 0 ? line.lastIndexOf(',', c3 - 1) : -1;
            int c1 = c2 > 0 ? line.lastIndexOf(',', c2 - 1) : -1;
            if (c1 < 1) {
                throw new IOException(csv + " line " + (i + 1) + ": expected file,label,group,score");
            }
            double score = number(csv, i, "score", line.substring(c3 + 1));
            String file = line.substring(0, c1);
            if (out.put(file, new Score(line.substring(c1 + 1, c2), line.substring(c2 + 1, c3), score, iou)) != null) {
                throw new IOException(csv + " line " + (i + 1) + ": " + file + " is scored twice");
            }
        }
        if (out.isEmpty()) {
            throw new IOException(csv + ": no scores");
        }
        return out;
    }

    /** Both files must score the same images with the same labels. */
    static void requireSameImages(Path fileA, Map<String, Score> a, Path fileB, Map<String, Score> b) {
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

    private static double number(Path csv, int line, String what, String text) throws IOException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(csv + " line " + (line + 1) + ": " + what + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IOException(csv + " line " + (line + 1) + ": " + what + " is not finite");
        }
        return v;
    }
}
