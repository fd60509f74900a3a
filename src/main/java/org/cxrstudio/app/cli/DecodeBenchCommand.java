package org.cxrstudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cxrstudio.core.dicom.codec.Codecs;
import org.cxrstudio.core.eval.Percentiles;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench-decode FILE...}: median time to read + decode each file with our reader (in
 * process, after warm-up), and beside it, in the same run, the wall time of dcmtk's
 * decompressor ({@code dcmdjpeg}/{@code dcmdjpls}/{@code dcmdrle}, {@code dcmconv} for native) and of
 * its renderer ({@code dcm2pnm}/{@code dcmj2pnm}/{@code dcml2pnm}: decode + render to PNG) on the same
 * file when dcmtk is installed. dcmtk times include
 * process start-up (about 10–30 ms), which the table states.
 */
@Command(name = "bench-decode", mixinStandardHelpOptions = true,
        description = "Time radiograph decoding, beside dcmtk on the same files.")
final class DecodeBenchCommand extends CliCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "DICOM, PNG or JPEG files.")
    List<Path> files;

    @Mixin
    TimedRuns timedRuns = new TimedRuns(5);

    /** {@code --runs}, checked. */
    private int runs;

    @Mixin
    JsonFileOption json;

    @Override
    public Integer call() throws IOException {
        runs = timedRuns.count(1000);
        PrintWriter out = out();
        boolean dcmtk = dcmtkAvailable();
        out.printf("%-44s %11s %9s %10s %10s %14s %12s%n", "file", "size", "cold ms", "ours ms", "render ms",
                "dcmtk-decomp ms",
                "dcm*2pnm ms");
        List<Map<String, Object>> rows = new ArrayList<>();
        Path tmp = Files.createTempDirectory("bench-decode");
        int failed = 0;
        try {
            for (Path f : files) {
                try {
                    rows.add(bench(f, dcmtk, tmp, out));
                } catch (ImageReadException e) {
                    failed++;
                    out.printf("%-44s unreadable: %s%n", shorten(f.getFileName().toString()), e.getMessage());
                    rows.add(Map.of("file", f.toString(), "error", e.getMessage()));
                }
            }
        } finally {
            try (var s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
        out.println("cold: first in-process read+decode of the file (JIT/class loading included); "
                + "ours: median in-process read+decode after 1 warm-up; dcmtk: median wall time of the tool "
                + "process (includes start-up)" + (dcmtk ? "" : "; dcmtk not installed"));
        json.write(Map.of("runs", runs, "results", rows));
        return failed == 0 ? 0 : 1;
    }

    private Map<String, Object> bench(Path f, boolean dcmtk, Path tmp, PrintWriter out) throws IOException {
        long c0 = System.nanoTime();
        Radiograph r = RadiographReader.read(f); // cold: first read of this file in the process; also the warm-up
        double cold = (System.nanoTime() - c0) / 1e6;
        double[] ours = new double[runs];
        double[] render = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = RadiographReader.read(f);
            long t1 = System.nanoTime();
            DisplayPipeline.render(r, null, false);
            ours[i] = (t1 - t0) / 1e6;
            render[i] = (System.nanoTime() - t1) / 1e6;
        }
        Double decomp = null;
        Double pnm = null;
        String tool = r.format().startsWith("DICOM") ? decompressor(r.format()) : null;
        if (dcmtk && tool != null) {
            decomp = timeTool(List.of(tool, f.toString(), tmp.resolve("d.dcm").toString()));
        }
        String renderer = "dcmdjpls".equals(tool) ? "dcml2pnm" : "dcmconv".equals(tool) ? "dcm2pnm" : "dcmj2pnm";
        if (dcmtk && r.format().startsWith("DICOM") && tool != null) {
            pnm = timeTool(List.of(renderer, "+on", f.toString(), tmp.resolve("p.png").toString()));
        }
        out.printf("%-44s %11s %9.1f %10.1f %10.1f %14s %12s%n", shorten(f.getFileName().toString()),
                r.columns() + "x" + r.rows(), cold, Percentiles.median(ours), Percentiles.median(render), fmt(decomp), fmt(pnm));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.toString());
        m.put("format", r.format());
        m.put("columns", r.columns());
        m.put("rows", r.rows());
        m.put("oursColdMs", JsonOut.round(cold, 2));
        m.put("oursReadMs", JsonOut.round(Percentiles.median(ours), 2));
        m.put("oursRenderMs", JsonOut.round(Percentiles.median(render), 2));
        m.put("dcmtkDecompressor", tool);
        m.put("dcmtkDecompressMs", decomp == null ? null : JsonOut.round(decomp, 2));
        m.put("dcmtkRenderer", renderer);
        m.put("dcmtkRenderMs", pnm == null ? null : JsonOut.round(pnm, 2));
        return m;
    }

    /** dcmtk's decompressor for the transfer syntax in a format string, or "dcmconv" for native. */
    private static String decompressor(String format) {
        int a = format.lastIndexOf('(');
        String ts = a < 0 ? "" : format.substring(a + 1, format.length() - 1);
        if (ts.startsWith("1.2.840.10008.1.2.4.5") || ts.startsWith("1.2.840.10008.1.2.4.7")) {
            return "dcmdjpeg";
        }
        if (ts.startsWith("1.2.840.10008.1.2.4.8")) {
            return "dcmdjpls";
        }
        if (ts.equals("1.2.840.10008.1.2.5")) {
            return "dcmdrle";
        }
        return Codecs.describe(ts).contains("JPEG 2000") ? null : "dcmconv";
    }

    private Double timeTool(List<String> cmd) {
        double[] t = new double[runs];
        try {
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                if (p.exitValue() != 0) {
                    return null;
                }
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return Percentiles.median(t);
    }

    private static boolean dcmtkAvailable() {
        try {
            Process p = new ProcessBuilder("dcmdump", "--version").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format("%.1f", v);
    }

    private static String shorten(String s) {
        return s.length() <= 44 ? s : s.substring(0, 20) + "…" + s.substring(s.length() - 23);
    }
}
