package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.LabeledImage;
import org.cxrstudio.core.eval.LabelsCsv;
import org.cxrstudio.core.eval.SplitList;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Screens labelled images ({@code --images DIR --labels CSV} pairs, optionally only those of one
 * part of a split list) for the calibration commands: raw scores and labels of the accepted
 * images, and how many the input gate refused. A listed file that is missing or unreadable stops
 * the run: a calibration must not silently lose films.
 *
 * @param scores  raw model probabilities of accepted images
 * @param labels  TB or not, same order
 * @param refused images the gate refused (left out)
 */
record LabeledScoring(double[] scores, boolean[] labels, int refused) {

    static LabeledScoring run(Screening screening, List<Path> images, List<Path> labelFiles, Path split, String part,
                              PrintWriter err) throws IOException {
        if (images.size() != labelFiles.size()) {
            throw new IOException(images.size() + " --images but " + labelFiles.size() + " --labels: give them in pairs");
        }
        Set<String> keep = split == null ? null : SplitList.read(split, part);
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < images.size(); i++) {
            for (LabeledImage li : LabelsCsv.read(labelFiles.get(i)).images()) {
                if (keep != null && !keep.contains(Path.of(li.filename()).getFileName().toString())) {
                    continue;
                }
                Path file = images.get(i).resolve(li.filename());
                if (!Files.isRegularFile(file)) {
                    throw new IOException(file + ": listed in the labels CSV but not found");
                }
                ScreeningResult r = screening.screen(file);
                if (r.isError()) {
                    throw new IOException(r.error());
                }
                if (r.refused()) {
                    refused++;
                    err.println("  refused: " + file + ": " + r.refusalMessage());
                    continue;
                }
                scores.add(r.prediction().tbProbability());
                labels.add(li.positive());
                if (scores.size() % 100 == 0) {
                    err.println("  " + scores.size() + " images");
                }
            }
        }
        if (scores.isEmpty()) {
            throw new IOException("no images to calibrate on" + (split != null ? " in the " + part + " part of " + split : "")
                    + (refused > 0 ? " (" + refused + " refused by the input gate)" : ""));
        }
        double[] s = new double[scores.size()];
        boolean[] l = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
            l[i] = labels.get(i);
        }
        if (refused > 0) {
            err.println(refused + " image(s) refused by the input gate and left out");
        }
        return new LabeledScoring(s, l, refused);
    }
}
