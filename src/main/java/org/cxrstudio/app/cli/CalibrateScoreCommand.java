package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.SplitList;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.PlattFit;
import org.cxrstudio.core.inference.ScoreCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code calibrate-score}: fits Platt scaling of the model's TB probability on labelled validation
 * images and stores it in the sidecar card's {@code calibration} block, so the viewer and
 * {@code predict} show a calibrated probability and a 0-100 score. The ONNX file (and so its
 * SHA-256 and any site profile made for it) is unchanged; thresholds stay on the raw probability.
 * Prints the Brier score and the expected calibration error (10 equal-width bins) before and after,
 * on the same images.
 */
@Command(name = "calibrate-score", mixinStandardHelpOptions = true,
        description = "Fit a calibrated TB probability (Platt scaling) on validation images; stored in the model card.")
final class CalibrateScoreCommand extends CliCommand {
    private static final int BINS = 10;

    @Mixin
    SplitPartOptions split = new SplitPartOptions(SplitList.VAL);

    @Mixin
    CalibrationOptions calibration;

    @Override
    public Integer call() throws IOException {
        Path modelPath = calibration.model.path();
        LabeledScoring s = calibration.score(split);
        String fittedOn = calibration.data(split)
                + (s.refused() > 0 ? "; " + s.refused() + " refused by the input gate" : "");
        ScoreCalibration c;
        try {
            c = PlattFit.fit(s.scores(), s.labels(), fittedOn, LocalDate.now(ZoneOffset.UTC).toString());
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot calibrate " + modelPath + ": " + e.getMessage(), e);
        }
        ModelFiles.putCalibration(modelPath, c);
        out().printf(Locale.ROOT,
                "calibration a=%.4f b=%.4f on %d images (%d TB); Brier %.4f -> %.4f, ECE %.4f -> %.4f%n",
                c.a(), c.b(), c.n(), c.nPositive(), brier(s, p -> p), brier(s, c::apply), ece(s, p -> p), ece(s, c::apply));
        err().println("stored under calibration in " + ModelFiles.sidecar(modelPath));
        return 0;
    }

    static double brier(LabeledScoring s, DoubleUnaryOperator f) {
        double sum = 0;
        for (int i = 0; i < s.scores().length; i++) {
            double d = f.applyAsDouble(s.scores()[i]) - (s.labels()[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / s.scores().length;
    }

    /** Expected calibration error: bin-size-weighted |mean probability - TB rate| over 10 bins. */
    static double ece(LabeledScoring s, DoubleUnaryOperator f) {
        double[] sumP = new double[BINS];
        double[] sumY = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < s.scores().length; i++) {
            double p = f.applyAsDouble(s.scores()[i]);
            int b = Math.min(BINS - 1, (int) (p * BINS));
            sumP[b] += p;
            sumY[b] += s.labels()[i] ? 1 : 0;
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < BINS; b++) {
            e += Math.abs(sumP[b] - sumY[b]);
        }
        return e / s.scores().length;
    }
}
