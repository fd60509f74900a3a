package org.cxrstudio.core.training.data;

import org.cxrstudio.core.io.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic train/validation split, stratified by source × label: within each stratum
 * (e.g. {@code shenzhen|tb}) the images are sorted by file name, shuffled with a generator seeded
 * from the seed and the stratum name, and the first {@code round(fraction·n)} go to validation
 * (at least one, and at least one left for training, when the stratum has two or more images).
 * So every source's TB and normal images are split across both parts, and the same data and
 * seed always give the same split, independent of folder order. Unlabelled images always train.
 *
 * @param train      training images
 * @param validation validation images (labelled only)
 */
public record Split(List<Sample> train, List<Sample> validation) {
    /** File written into the output folder; readable by {@code eval --split}. */
    public static final String FILE_NAME = "split.csv";

    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * @param valFraction share of each stratum for validation, {@code [0, 1)}
     */
    public static Split stratified(List<Sample> samples, double valFraction, long seed) {
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + valFraction);
        }
        Map<String, List<Sample>> strata = new TreeMap<>();
        List<Sample> train = new ArrayList<>();
        List<Sample> val = new ArrayList<>();
        for (Sample s : samples) {
            if (s.labeled()) {
                strata.computeIfAbsent(stratum(s), k -> new ArrayList<>()).add(s);
            } else {
                train.add(s);
            }
        }
        for (Map.Entry<String, List<Sample>> e : strata.entrySet()) {
            List<Sample> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparing(Sample::filename));
            Collections.shuffle(list, new Random(seed * 1_000_003L + e.getKey().hashCode()));
            int n = list.size();
            int nVal = (int) Math.round(valFraction * n);
            if (valFraction > 0 && n >= 2) {
                nVal = Math.max(1, Math.min(n - 1, nVal));
            }
            val.addAll(list.subList(0, nVal));
            train.addAll(list.subList(nVal, n));
        }
        return new Split(train, val);
    }

    /** The stratum key {@code source|label}. */
    public static String stratum(Sample s) {
        return s.source() + "|" + s.labelName();
    }

    /**
     * Writes {@code filename,split,label,source,dataset} (split {@code train} or {@code val}) as
     * {@link Csv} (names with commas or quotes are quoted), atomically (temp file + rename).
     */
    public void write(Path csv) throws IOException {
        StringBuilder b = new StringBuilder(Csv.line("filename", "split", "label", "source", "dataset"));
        for (Sample s : train) {
            b.append(row(s, "train"));
        }
        for (Sample s : validation) {
            b.append(row(s, "val"));
        }
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The content {@link #write} would produce, for comparing splits. */
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        train.forEach(s -> b.append(row(s, "train")));
        validation.forEach(s -> b.append(row(s, "val")));
        return Integer.toHexString(b.toString().hashCode());
    }

    private static String row(Sample s, String split) {
        return Csv.line(s.filename(), split, s.labelName(), s.source(), s.dataset());
    }
}
