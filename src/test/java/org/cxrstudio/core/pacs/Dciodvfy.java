package org.cxrstudio.core.pacs;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dicom3tools' {@code dciodvfy}, the IOD validator; skips when it is not installed. */
public final class Dciodvfy {
    static final Path BINARY = Path.of("/usr/bin/dciodvfy");

    private Dciodvfy() { }

    /** The "Error" lines dciodvfy prints for {@code file} (warnings are not errors). */
    public static List<String> errors(Path file) throws IOException {
        return output(file).lines().filter(l -> l.startsWith("Error")).toList();
    }

    public static String output(Path file) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "skipped: dciodvfy (apt-get install dicom3tools) is absent");
        Path out = Files.createTempFile("dciodvfy", ".txt");
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "-new", file.toString()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("dciodvfy timed out on " + file);
            }
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
