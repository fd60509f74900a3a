package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.screening.TbScore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --threshold T} and {@code --site SITE.json}: where the operating threshold comes from (a
 * picocli mixin). At most one of them ({@link #requireAtMostOne()}); with neither, the model card's. Per-command help wording is
 * in {@code OptionHelp.properties}.
 */
final class OperatingPointOptions {
    @Option(names = "--threshold", paramLabel = "T", description = "Operating threshold on the raw probability (default: the site profile's, else the model card's).")
    Double threshold;

    @Option(names = "--site", paramLabel = "SITE.json", description = "Use this clinic's operating threshold (made by calibrate-threshold for this model file).")
    Path site;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private SiteProfile profile;

    /** A usage error (exit 2) when both are given, before anything is loaded. */
    void requireAtMostOne() {
        if (threshold != null && site != null) {
            throw new ParameterException(command.commandLine(),
                    "--threshold and --site both set the operating threshold: give one of them");
        }
    }

    /** The site profile of {@code --site}, read once; {@code null} without it. */
    SiteProfile profile() throws IOException {
        requireAtMostOne();
        if (profile == null && site != null) {
            profile = SiteProfile.read(site);
        }
        return profile;
    }

    /** Where the threshold came from, in the words the report, the overlay and the SR use. */
    String source() throws IOException {
        return threshold != null ? TbScore.USER + " (--threshold)"
                : profile() != null ? TbScore.SITE_PROFILE + " " + profile().label() : TbScore.MODEL_CARD;
    }
}
