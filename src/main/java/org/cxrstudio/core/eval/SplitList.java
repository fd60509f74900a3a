package org.cxrstudio.core.eval;

import org.cxrstudio.core.io.Csv;
import org.cxrstudio.core.io.IoErrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images to keep when evaluating on a validation split. Two formats: a plain list, one
 * file name (or path; only the last component counts) per line, {@code #} comments allowed;
 * or a CSV whose header has a {@code filename} column, optionally with a {@code split} column,
 * in which case only rows of the chosen part count: {@code val} ({@code val}, {@code valid} or
 * {@code validation}, the default) or {@code train} ({@code train} or {@code training}). A plain
 * list and a CSV without a {@code split} column have no parts: all their names count.
 */
public final class SplitList {
    private SplitList() { }

    /** Validation part. */
    public static final String VAL = "val";
    /** Training part. */
    public static final String TRAIN = "train";

    /** The validation part: {@code read(file, VAL)}. */
    public static Set<String> read(Path file) throws IOException {
        return read(file, VAL);
    }

    /**
     * @param part {@link #VAL} or {@link #TRAIN}
     * @return file names (last path component) to keep; never empty
     */
    public static Set<String> read(Path file, String part) throws IOException {
        Set<String> accepted = switch (part) {
            case VAL -> Set.of("val", "valid", "validation");
            case TRAIN -> Set.of("train", "training");
            default -> throw new IllegalArgumentException("split part must be 'train' or 'val', got '" + part + "'");
        };
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read split list (" + IoErrors.reason(e) + ")", e);
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> lines = text.lines().toList();
        List<Csv.Row> first = lines.isEmpty() ? List.of() : Csv.parse(lines.get(0), file.toString());
        List<String> header = first.isEmpty() ? List.of() : first.get(0).fields();
        if (header.contains("filename")) {
            int fc = header.indexOf("filename");
            int sc = header.indexOf("split");
            List<Csv.Row> rows = Csv.parse(text, file.toString());
            Map<String, String> partOf = new HashMap<>(); // file name as written -> part, to catch a leak
            for (Csv.Row row : rows.subList(1, rows.size())) {
                List<String> f = row.fields();
                if (f.size() <= Math.max(fc, sc)) {
                    continue;
                }
                String part1 = sc < 0 ? "" : canonicalPart(f.get(sc));
                String name = f.get(fc).trim().replace('\\', '/');
                String before = partOf.putIfAbsent(name, part1);
                if (before != null && !before.equals(part1) && (VAL.equals(before) || TRAIN.equals(before))
                        && (VAL.equals(part1) || TRAIN.equals(part1))) {
                    throw new IOException(file + ":" + row.line() + ": " + name + " is in both the train and the val part"
                            + " (an image trained on would be validated on)");
                }
                if (sc < 0 || accepted.contains(f.get(sc).trim().toLowerCase())) {
                    names.add(lastComponent(f.get(fc)));
                }
            }
        } else {
            for (String line : lines) {
                String t = line.replace("\uFEFF", "").trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    names.add(lastComponent(t));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IOException(file + ": split list names no images" + (TRAIN.equals(part) ? " in its train part" : ""));
        }
        return names;
    }

    /** {@link #VAL}, {@link #TRAIN}, or the value as written (lower case) for any other part. */
    private static String canonicalPart(String value) {
        String v = value.trim().toLowerCase();
        return switch (v) {
            case "val", "valid", "validation" -> VAL;
            case "train", "training" -> TRAIN;
            default -> v;
        };
    }

    private static String lastComponent(String s) {
        String t = s.trim().replace('\\', '/');
        return t.substring(t.lastIndexOf('/') + 1);
    }
}
