package org.cxrstudio.core.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk command-line tools, the test oracle. */
public final class Dcmtk {
    private static Boolean available;

    private Dcmtk() { }

    /** True if dcmtk's tools are on the PATH. */
    public static synchronized boolean available() {
        if (available == null) {
            try {
                available = run("dcmdump", "--version").contains("dcmtk");
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** Runs a tool and returns its stdout+stderr; fails on a non-zero exit or after 120 s. */
    public static String run(String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Path out = Files.createTempFile("dcmtk", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timeout: " + String.join(" ", cmd));
            }
            String text = Files.readString(out, StandardCharsets.ISO_8859_1);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The value dcmdump prints for a top-level tag such as {@code 0028,0010}, or null. */
    static String dump(Path file, String tag) throws IOException {
        String text = run("dcmdump", "-q", "+P", tag, file.toString());
        for (String line : text.split("\n")) {
            if (line.startsWith("(" + tag.toLowerCase() + ")")) {
                String v = line.substring(15, line.indexOf('#')).strip();
                if (v.startsWith("[") && v.endsWith("]")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    /** The decompressor for an encapsulated transfer syntax, or null if dcmtk has none. */
    static List<String> decompressor(String ts) {
        List<String> cmd = new ArrayList<>();
        if (ts.startsWith("1.2.840.10008.1.2.4.5") || ts.startsWith("1.2.840.10008.1.2.4.7")) {
            cmd.add("dcmdjpeg");
        } else if (ts.startsWith("1.2.840.10008.1.2.4.8")) {
            cmd.add("dcmdjpls");
        } else if (ts.equals("1.2.840.10008.1.2.5")) {
            cmd.add("dcmdrle");
        } else {
            return null;
        }
        return cmd;
    }
}
