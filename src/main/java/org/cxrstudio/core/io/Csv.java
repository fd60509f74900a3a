package org.cxrstudio.core.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's CSV dialect, through Apache Commons CSV: RFC 4180 (fields with commas, quotes or line
 * breaks are double-quoted, {@code ""} is a literal quote), {@code \n} line ends when writing, a
 * leading UTF-8 BOM ignored when reading. Every CSV the app reads or writes (labels, split lists,
 * {@code split.csv}, scores, {@code predict --csv}) goes through here. Stateless, thread-safe.
 */
public final class Csv {
    /** The format written: RFC 4180 with {@code \n} after each record. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /**
     * One record read.
     *
     * @param line   its 1-based record number, which is its line number when no field spans lines
     * @param fields its fields, unquoted
     */
    public record Row(long line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    private Csv() { }

    /**
     * The records of a file, blank lines skipped (their numbers still count).
     *
     * @throws IOException when the file cannot be read or is not well-formed CSV, naming the file
     */
    public static List<Row> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read CSV (" + IoErrors.reason(e) + ")", e);
        }
        return parse(text, file.toString());
    }

    /** As {@link #read} for text already in memory; {@code where} names it in messages. */
    public static List<Row> parse(String text, String where) throws IOException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(t))) {
            for (CSVRecord r : p) {
                List<String> f = r.toList();
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                rows.add(new Row(r.getRecordNumber(), f));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IOException(where + ": malformed CSV (" + c.getMessage() + ")", e);
        }
        return rows;
    }

    /** One record as text, with the record separator. */
    public static String line(Object... fields) {
        StringBuilder b = new StringBuilder();
        try {
            FORMAT.printRecord(b, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    /** Writes records to {@code out} atomically (temp file beside it, then rename). */
    public static void write(Path out, List<String> header, List<? extends List<?>> records) throws IOException {
        Path abs = out.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IOException(abs + ": is a folder; give a file name for the CSV");
        }
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path dir = abs.getParent() == null ? Path.of(".") : abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
                csv.printRecord(header);
                for (List<?> r : records) {
                    csv.printRecord(r);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
