package org.cxrstudio.app.cli;

import org.cxrstudio.core.io.Csv;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code predict --csv}: one row per input, in input order, errors and refusals included:
 * {@code file,tb_probability,score,positive,refused,error}. A refused or unreadable file has empty
 * {@code tb_probability}, {@code score} and {@code positive}; {@code refused} holds the gate's
 * message and {@code error} why a file could not be read or scored. Written atomically (temp file +
 * rename) as {@link Csv} (RFC 4180 quoting).
 */
final class CsvOut {
    static final String[] HEADER = {"file", "tb_probability", "score", "positive", "refused", "error"};

    private CsvOut() { }

    static void write(Path out, List<ScreeningResult> results) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ScreeningResult r : results) {
            boolean scored = r.prediction() != null;
            rows.add(List.of(r.source(),
                    scored ? String.format(Locale.ROOT, "%.5f", r.score().probability()) : "",
                    scored ? Integer.toString(r.score().score()) : "",
                    scored ? Boolean.toString(r.score().positive()) : "",
                    r.refusalMessage() == null ? "" : r.refusalMessage(),
                    r.error() == null ? "" : r.error()));
        }
        Csv.write(out, List.of(HEADER), rows);
    }
}
