package org.cxrstudio.app.cli;

import org.cxrstudio.core.pacs.DicomWebClient;
import org.cxrstudio.core.pacs.QidoQuery;
import org.cxrstudio.core.pacs.StudySummary;
import org.cxrstudio.core.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code pacs search}: QIDO-RS study search; a table, or one JSON line per study with {@code --json}. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Find studies (QIDO-RS).")
final class PacsSearchCommand extends CliCommand {
    @Mixin
    PacsOptions pacs;

    @Option(names = "--patient-id", paramLabel = "ID", description = "Patient ID to match.")
    String patientId;

    @Option(names = "--name", paramLabel = "NAME", description = "Patient's name, DICOM wildcards * and ? allowed, e.g. 'DOE^J*'.")
    String name;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First study date.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last study date.")
    String to;

    @Option(names = "--accession", paramLabel = "A", description = "Accession number to match.")
    String accession;

    @Option(names = "--modality", paramLabel = "M", description = "e.g. CR, DX.")
    String modality;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N studies (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        QidoQuery q;
        try {
            q = new QidoQuery(patientId, name, date(from, "--from"), date(to, "--to"), accession, modality, limit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<StudySummary> found = new DicomWebClient(pacs.server()).searchStudies(q, CancellationToken.NONE);
        PrintWriter out = out();
        if (json) {
            for (StudySummary s : found) {
                out.println(JsonOut.LINE.toJson(s));
            }
        } else {
            out.printf("%-10s %-16s %-24s %-14s %-8s %5s  %s%n", "date", "patient id", "name", "accession", "modality",
                    "imgs", "study uid");
            for (StudySummary s : found) {
                out.printf("%-10s %-16s %-24s %-14s %-8s %5s  %s%n", s.studyDate(), s.patientId(), s.patientName(),
                        s.accession(), String.join("\\", s.modalities()), s.instanceCount() < 0 ? "?" : s.instanceCount(),
                        s.studyUid());
            }
        }
        err().println(found.size() + " stud" + (found.size() == 1 ? "y" : "ies") + " found");
        return 0;
    }

    private LocalDate date(String s, String option) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + ": not a date (YYYY-MM-DD): " + s);
        }
    }
}
