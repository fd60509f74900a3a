package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.io.PrintWriter;
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
 * @param card    the card of the model that scored them
 */
record LabeledScoring(double[] scores, boolean[] labels, int refused, ModelCard card) {

    static LabeledScoring run(Screening screening, LabeledImageOptions labeled, SplitPartOptions split,
                              PrintWriter err) throws IOException {
        if (labeled.pairingProblem() != null) {
            throw new IOException(labeled.pairingProblem());
        }
        Set<String> keep = split.keep();
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        int refused = 0;
        for (LabeledImageOptions.Listed listed : labeled.listed(keep)) {
            ScreeningResult r = listed.screen(screening, err);
            if (r.refused()) {
                refused++;
                continue;
            }
            scores.add(r.prediction().tbProbability());
            labels.add(listed.image().positive());
            if (scores.size() % 100 == 0) {
                err.println("  " + scores.size() + " images");
            }
        }
        if (scores.isEmpty()) {
            throw new IOException("no images to calibrate on" + (split.given() ? " in the " + split.describe("") : "")
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
        return new LabeledScoring(s, l, refused, screening.model().card());
    }
}
