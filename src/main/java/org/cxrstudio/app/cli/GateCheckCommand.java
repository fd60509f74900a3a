package org.cxrstudio.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.RadiographReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gate-check FILE|DIR...}: prints the input gate's decision for each image (accepted or the
 * reason and message), without scoring anything. Exit code 0; unreadable files are reported as
 * such.
 */
@Command(name = "gate-check", mixinStandardHelpOptions = true,
        description = "Print the input gate's decision (is this a frontal chest X-ray?) for each image.")
final class GateCheckCommand extends CliCommand {
    @Mixin
    ImageInputs inputs;

    @Mixin
    GateChoice gateChoice;

    /** The older name of {@code --gate-rules-only} in this command. */
    @Option(names = "--header-only", hidden = true)
    void headerOnly(boolean on) {
        gateChoice.rulesOnly = on;
    }

    @Option(names = "--json", description = "Print one JSON array instead of text lines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var pw = out();
        List<Path> files = inputs.files();
        List<Map<String, Object>> rows = new ArrayList<>();
        int refused = 0;
        try (InputGate gate = gateChoice.open()) {
            for (Path f : files) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", f.toString());
                try {
                    GateDecision d = gate.check(RadiographReader.read(f));
                    row.put("accepted", d.accepted());
                    d.reason().ifPresent(r -> row.put("reason", r.name()));
                    row.put("message", d.message());
                    row.put("measures", d.measures());
                    refused += d.accepted() ? 0 : 1;
                    if (!json) {
                        pw.printf(Locale.ROOT, "%s\t%s\t%s%n", f, d.accepted() ? "ACCEPTED"
                                : "REFUSED " + d.reason().orElseThrow(), d.message());
                    }
                } catch (ImageReadException e) {
                    row.put("accepted", false);
                    row.put("error", e.getMessage());
                    refused++;
                    if (!json) {
                        pw.printf(Locale.ROOT, "%s\tUNREADABLE\t%s%n", f, e.getMessage());
                    }
                }
                rows.add(row);
            }
        }
        if (json) {
            pw.println(JsonOut.PRETTY.toJson(rows));
        } else {
            pw.printf(Locale.ROOT, "%d of %d refused%n", refused, files.size());
        }
        pw.flush();
        return 0;
    }
}
