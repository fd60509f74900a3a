package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.LabeledImage;
import org.cxrstudio.core.eval.LabelsCsv;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --images DIR --labels CSV} pairs of the commands that run a model over labelled films (a
 * picocli mixin): each folder goes with the labels CSV at the same position. Per-command wording of
 * the {@code --labels} help is in {@code OptionHelp.properties}.
 */
final class LabeledImageOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--images", paramLabel = "DIR", required = true, description = "Image folder; repeat with --labels.")
    List<Path> images;

    @Option(names = "--labels", paramLabel = "CSV", required = true, description = "labels.csv (filename,label,...); 'tb' is positive.")
    List<Path> labels;

    private List<LabelsCsv> csvs;

    /** Why the options do not pair up, or {@code null} when they do. */
    String pairingProblem() {
        return images.size() == labels.size() ? null
                : images.size() + " --images but " + labels.size() + " --labels: give them in pairs";
    }

    /** Options that do not pair up are a usage error. */
    void requirePairs() {
        if (pairingProblem() != null) {
            throw new ParameterException(spec.commandLine(), pairingProblem());
        }
    }

    /** The labels CSVs, read once, in the order given. */
    List<LabelsCsv> csvs() throws IOException {
        if (csvs == null) {
            List<LabelsCsv> read = new ArrayList<>();
            for (Path p : labels) {
                read.add(LabelsCsv.read(p));
            }
            csvs = read;
        }
        return csvs;
    }

    /**
     * Every labelled image in order, with its file under the paired folder; with {@code keep}
     * (file names without folders) only the images it names.
     */
    List<Listed> listed(Set<String> keep) throws IOException {
        if (pairingProblem() != null) {
            throw new IllegalStateException(pairingProblem());
        }
        List<Listed> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            LabelsCsv csv = csvs().get(i);
            for (LabeledImage li : csv.images()) {
                if (keep == null || keep.contains(Path.of(li.filename()).getFileName().toString())) {
                    out.add(new Listed(csv, li, images.get(i).resolve(li.filename())));
                }
            }
        }
        return out;
    }

    /** One labelled image: its CSV, its row and its file (which may be missing). */
    record Listed(LabelsCsv csv, LabeledImage image, Path file) {
        /** The file; a listed file that is missing stops the run, so no film is silently lost. */
        Path existingFile() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": listed in the labels CSV but not found");
            }
            return file;
        }

        /** Screens the file: an unreadable one stops the run; a refusal is reported on {@code err}. */
        ScreeningResult screen(Screening screening, PrintWriter err) throws IOException {
            ScreeningResult r = screening.screen(existingFile());
            if (r.isError()) {
                throw new IOException(r.error());
            }
            if (r.refused()) {
                err.println("  refused: " + file + ": " + r.refusalMessage());
            }
            return r;
        }
    }
}
