package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.eval.SplitList;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.screening.TbScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code calibrate-threshold}: sets a clinic's own operating point on its labelled films and
 * writes it as a site profile ({@link SiteProfile}): the highest threshold reaching the target
 * sensitivity, the sensitivity and specificity there with 95 % Wilson intervals, the counts, the
 * model file's SHA-256 and the date. The model file is not changed. Films the input gate refuses
 * are left out and counted.
 */
@Command(name = "calibrate-threshold", mixinStandardHelpOptions = true,
        description = "Set this clinic's operating threshold on its own labelled films; writes a site profile JSON.")
final class CalibrateThresholdCommand extends CliCommand {
    @Mixin
    SplitPartOptions split = new SplitPartOptions(SplitList.TRAIN);

    @Option(names = "--target-sensitivity", paramLabel = "S", defaultValue = "0.90",
            description = "Sensitivity the threshold must reach on these films, (0, 1] (default: ${DEFAULT-VALUE}, the WHO triage target).")
    double target;

    @Option(names = "--site-name", paramLabel = "NAME", description = "Clinic name shown with the threshold (default: the --out file name).")
    String siteName;

    @Option(names = "--out", paramLabel = "SITE.json", required = true, description = "Site profile to write.")
    Path out;

    @Mixin
    CalibrationOptions calibration;

    @Override
    public Integer call() throws IOException {
        if (!(target > 0 && target <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--target-sensitivity must be in (0, 1], got " + target);
        }
        Path modelPath = calibration.model.path();
        List<Path> read = new ArrayList<>(calibration.labeled.labels);
        read.addAll(Arrays.asList(split.file, modelPath, ModelFiles.sidecar(modelPath)));
        OutputPaths.requireNotAnInput("--out", out, read);
        String name = siteName != null ? siteName : out.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        LabeledScoring s = calibration.score(split);
        SiteProfile profile = SiteProfile.calibrate(name, LocalDate.now(ZoneOffset.UTC).toString(), s.card().name(),
                ModelFiles.sha256(modelPath), s.scores(), s.labels(), target, s.refused(), calibration.data(split));
        TbScore shown = TbScore.of(profile.threshold(), profile.threshold(), s.card().calibration());
        profile.write(out);
        var p = profile.point();
        out().printf(Locale.ROOT,
                "site %s: threshold %.5f (TB score %d); sensitivity %.3f (95%% CI %.3f-%.3f, %d/%d TB), "
                        + "specificity %.3f (95%% CI %.3f-%.3f, %d/%d non-TB); %d refused by the gate%n",
                profile.label(), profile.threshold(), shown.thresholdScore(),
                p.sensitivity(), profile.sensitivityCi().lower(), profile.sensitivityCi().upper(), p.tp(), p.tp() + p.fn(),
                p.specificity(), profile.specificityCi().lower(), profile.specificityCi().upper(), p.tn(), p.tn() + p.fp(),
                profile.refused());
        err().println("wrote " + out);
        return 0;
    }
}
