package org.cxrstudio.app.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code predict --csv}: one row per input, in input order, errors and refusals included:
 * {@code file,tb_probability,score,positive,refused,error}. A refused or unreadable file has empty
 * {@code tb_probability}, {@code score} and {@code positive}; {@code refused} holds the gate's
 * message and {@code error} why a file could not be read or scored. Written atomically (temp file +
 * rename) with Apache Commons CSV (RFC 4180 quoting).
 */
final class CsvOut {
    static final String[] HEADER = {"file", "tb_probability", "score", "positive", "refused", "error"};

    private CsvOut() { }

    static void write(Path out, List<ScreeningResult> results) throws IOException {
        Path abs = out.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator('\n').get();
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(w, format)) {
            for (ScreeningResult r : results) {
                boolean scored = r.prediction() != null;
                csv.printRecord(r.source(),
                        scored ? String.format(Locale.ROOT, "%.5f", r.score().probability()) : "",
                        scored ? Integer.toString(r.score().score()) : "",
                        scored ? Boolean.toString(r.score().positive()) : "",
                        r.refusalMessage() == null ? "" : r.refusalMessage(),
                        r.error() == null ? "" : r.error());
            }
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
