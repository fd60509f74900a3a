package org.cxrstudio.core.dicom.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared data and dcmtk (the oracle) for the codec tests; skips cleanly when either is absent. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code shared/data/dicom/<relative>}, or the test is skipped. */
    static Path dicom(String relative) {
        Path p = sharedData().resolve("dicom").resolve(relative);
        assumeTrue(Files.isRegularFile(p), "shared DICOM data absent (" + p + "); skipping");
        return p;
    }

    /** {@code cxr.shared.data}, else the first {@code shared/data} among the working directory's ancestors. */
    static Path sharedData() {
        Path configured = Path.of(System.getProperty("cxr.shared.data", "../shared/data"));
        if (Files.isDirectory(configured)) {
            return configured;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/data"))) {
                return dir.resolve("shared/data");
            }
        }
        return configured;
    }

    static boolean hasTool(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static void requireTool(String tool) {
        assumeTrue(hasTool(tool), tool + " not installed (apt-get install dcmtk / libopenjp2-tools); skipping");
    }

    /** Runs a command, failing the test with its output when it fails or takes over a minute. */
    static void run(String... command) throws IOException, InterruptedException {
        requireTool(command[0]);
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + new String(out));
        }
    }

    /** dcmtk's decompression of {@code in} (dcmdjpeg/dcmdjpls/dcmdrle by transfer syntax) as native values. */
    static int[] dcmtkFirstFrame(Path in, Path tmp) throws IOException, InterruptedException {
        String ts = TestDicom.read(in).transferSyntax();
        String tool = ts.equals("1.2.840.10008.1.2.5") ? "dcmdrle"
                : ts.startsWith("1.2.840.10008.1.2.4.8") ? "dcmdjpls" : "dcmdjpeg";
        Path out = Files.createTempFile(tmp, "native", ".dcm");
        List<String> cmd = new ArrayList<>(List.of(tool));
        if (tool.equals("dcmdjpeg")) {
            cmd.add("--conv-never"); // keep stored values; no colour model conversion for gray
        }
        cmd.addAll(List.of("+te", in.toString(), out.toString()));
        run(cmd.toArray(String[]::new));
        return TestDicom.read(out).nativeFirstFrame();
    }

    /** The first differing sample, for a readable failure message; -1 when equal. */
    static int firstDifference(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }
}
