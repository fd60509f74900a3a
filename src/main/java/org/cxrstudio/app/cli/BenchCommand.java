package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.Percentiles;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.InferenceException;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.saliency.BoxExtractor;
import org.cxrstudio.core.saliency.Heatmap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench}: per model, session load time, the first (cold) prediction, single-image latency
 * p50/p90 after all models have warmed up (render + preprocessing + inference + CAM + boxes; and
 * again including the file decode), batch throughput; then the process's peak RSS and the student's speed-up over the teacher (by card role), all models
 * in the same run on the same image.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure model latency, throughput and memory.")
final class BenchCommand extends CliCommand {
    @Option(names = "--model", paramLabel = "M", description = "Models (default: models/student.onnx and models/teacher.onnx).")
    List<Path> models;

    @Option(names = "--image", paramLabel = "FILE", description = "Image to time (default: a synthetic 512x512 8-bit PNG).")
    Path image;

    @Mixin
    TimedRuns timedRuns = new TimedRuns(100);

    /** {@code --runs}, checked. */
    private int runs;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed runs per model first, at least (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "4", paramLabel = "S",
            description = "...and untimed runs per model for at least this long, all models before any is timed, "
                    + "so that the JIT has compiled the pixel loops (default ${DEFAULT-VALUE}).")
    double warmupSeconds;

    private static final int MAX_BATCH = 1024;

    @Option(names = "--batch", defaultValue = "8", description = "Batch size for throughput, 1..1024 (default ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    DeviceOption device;

    @Mixin
    JsonFileOption json;

    @Override
    public Integer call() throws IOException {
        runs = timedRuns.count(100_000);
        // batch × S × S floats go into one direct buffer: 100 000 images of 160 px overflow an int
        if (warmup < 0 || batch < 1 || batch > MAX_BATCH || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("--batch must be 1.." + MAX_BATCH + ", --warmup and --warmup-seconds >= 0");
        }
        DevicePreference pref = device.preference();
        List<Path> paths = models != null ? models : defaults();
        Path img = image != null ? image : syntheticImage();
        Radiograph r = RadiographReader.read(img);
        List<TbModel> loaded = new ArrayList<>();
        try {
            List<Double> first = new ArrayList<>();
            for (Path p : paths) {
                TbModel m = TbModel.load(p, pref);
                loaded.add(m);
                long t0 = System.nanoTime();
                m.predict(r);
                first.add((System.nanoTime() - t0) / 1e6);
            }
            for (TbModel m : loaded) { // every model warms up before any is timed: they share the Java pixel loops
                long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
                for (int i = 0; i < warmup || System.nanoTime() < until; i++) {
                    m.predict(r);
                }
            }
            return report(loaded, first, r, img);
        } finally {
            for (TbModel m : loaded) {
                m.close();
            }
        }
    }

    private Integer report(List<TbModel> loaded, List<Double> first, Radiograph r, Path img) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Double studentP50 = null;
        Double teacherP50 = null;
        for (int k = 0; k < loaded.size(); k++) {
            Map<String, Object> row = benchOne(loaded.get(k), first.get(k), r, img);
            rows.add(row);
            err().println(JsonOut.LINE.toJson(row));
            String role = (String) row.remove("role");
            double p50 = (Double) row.get("p50_ms");
            if ("student".equals(role) && studentP50 == null) {
                studentP50 = p50;
            } else if ("teacher".equals(role) && teacherP50 == null) {
                teacherP50 = p50;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("models", rows);
        out.put("peak_rss_mb", peakRssMb());
        out.put("student_speedup_vs_teacher", studentP50 != null && teacherP50 != null
                ? JsonOut.round(teacherP50 / studentP50, 2) : null);
        out().println(JsonOut.PRETTY.toJson(out));
        json.write(out);
        return 0;
    }

    private Map<String, Object> benchOne(TbModel m, double firstMs, Radiograph r, Path img) throws IOException {
        // two separate loops: a decode between two timed predictions would evict their data from the caches
        double[] plain = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            m.predict(r);
            plain[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] withDecode = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            m.predict(RadiographReader.read(img));
            withDecode[i] = (System.nanoTime() - t0) / 1e6;
        }
        GrayImage gray = DisplayPipeline.render(r, null, false);
        List<GrayImage> b = Collections.nCopies(batch, gray);
        m.predictGrayBatch(b, m.postProcessing());
        int batches = Math.max(1, runs / batch);
        long t0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            m.predictGrayBatch(b, m.postProcessing());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> stages = stages(m, r, gray);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", m.path().toString());
        row.put("p50_ms", JsonOut.round(Percentiles.of(plain, 50), 2));
        row.put("p90_ms", JsonOut.round(Percentiles.of(plain, 90), 2));
        row.put("p50_ms_with_decode", JsonOut.round(Percentiles.of(withDecode, 50), 2));
        row.put("throughput_img_s", JsonOut.round(batches * batch / seconds, 1));
        row.put("load_ms", JsonOut.round(m.loadMillis(), 1));
        row.put("first_prediction_ms", JsonOut.round(firstMs, 1));
        row.put("stages_p50_ms", stages);
        row.put("role", m.card().role());
        return row;
    }

    /**
     * Where one prediction's time goes, each stage timed alone ({@code runs} times, p50): render
     * (default window), input preparation (resize, normalise), boxes from the heatmap, and the
     * rest of {@link TbModel#predictGray} (network run, output copies, heatmap), which is the
     * p50 of {@code predictGray} minus those two.
     */
    private Map<String, Object> stages(TbModel m, Radiograph r, GrayImage gray) throws InferenceException {
        Preprocessing pre = m.card().preprocessing();
        PostProcessing post = m.postProcessing();
        BoxExtractor boxes = new BoxExtractor(post.boxes());
        Heatmap heatmap = m.predictGray(gray, post).heatmap();
        double[] render = new double[runs];
        double[] prepare = new double[runs];
        double[] box = new double[runs];
        double[] whole = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            DisplayPipeline.render(r, null, false);
            long t1 = System.nanoTime();
            ModelInput.prepare(gray, pre);
            long t2 = System.nanoTime();
            boxes.extract(heatmap);
            long t3 = System.nanoTime();
            m.predictGray(gray, post);
            long t4 = System.nanoTime();
            render[i] = (t1 - t0) / 1e6;
            prepare[i] = (t2 - t1) / 1e6;
            box[i] = (t3 - t2) / 1e6;
            whole[i] = (t4 - t3) / 1e6;
        }
        double pr = Percentiles.of(prepare, 50);
        double bx = Percentiles.of(box, 50);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("render", JsonOut.round(Percentiles.of(render, 50), 2));
        out.put("prepare", JsonOut.round(pr, 2));
        out.put("network_and_heatmap", JsonOut.round(Math.max(0, Percentiles.of(whole, 50) - pr - bx), 2));
        out.put("boxes", JsonOut.round(bx, 2));
        return out;
    }

    private static List<Path> defaults() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String rel : List.of(ModelPaths.STUDENT, ModelPaths.TEACHER)) {
            try {
                out.add(ModelPaths.resolve(null, rel));
            } catch (IOException e) {
                // reported below if neither exists
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no --model given and neither " + ModelPaths.STUDENT + " nor " + ModelPaths.TEACHER + " found");
        }
        return out;
    }

    /** A smooth 512x512 test image: realistic decode cost without shipping patient data. */
    private static Path syntheticImage() throws IOException {
        BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                double dx = (x - 256) / 256.0;
                double dy = (y - 256) / 256.0;
                int v = (int) (128 + 90 * Math.cos(3 * dx) * Math.cos(2 * dy) + 20 * Math.sin(x * 0.3 + y * 0.17));
                img.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        Path p = Files.createTempFile("cxr-bench", ".png");
        p.toFile().deleteOnExit();
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** Peak resident set (VmHWM) of this process in MB, or {@code null} where /proc is absent. */
    static Double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return JsonOut.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0, 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
