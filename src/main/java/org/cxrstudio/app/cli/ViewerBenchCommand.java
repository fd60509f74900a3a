package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.Percentiles;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.imaging.WindowLevel;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.ui.overlay.Colormap;
import org.cxrstudio.ui.overlay.HeatmapRaster;
import org.cxrstudio.ui.viewer.DisplayLut;
import org.cxrstudio.ui.viewer.ImageLoader;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.cxrstudio.ui.viewer.PixelRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code bench-viewer}: the viewer's hot paths without a display. (1) Window/level on a synthetic
 * {@code size}×{@code size} image of {@code bits}-bit stored values: the LUT build + pixel pass
 * the viewer runs per drag event, against the generic {@link DisplayPipeline#render}. (2) With
 * {@code --image}: open (read, decode, range, default window). (3) With {@code --model} too: the
 * open-to-overlay path after the model is loaded (open + window render + inference + heatmap
 * colouring), which is what the viewer does when a file is opened. Medians and p90 of
 * {@code --repeat} runs after one warm-up; the texture upload to the GPU/software pipeline is not
 * included.
 */
@Command(name = "bench-viewer", mixinStandardHelpOptions = true,
        description = "Measure viewer window/level rendering and open-to-overlay time.")
final class ViewerBenchCommand extends CliCommand {
    @Option(names = "--size", defaultValue = "2048", description = "Synthetic image side, pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--bits", defaultValue = "16", description = "Synthetic stored bits, 8..16 (default ${DEFAULT-VALUE}).")
    int bits;

    @Mixin
    TimedRuns timedRuns = new TimedRuns(20);

    /** The older name of {@code --runs} in this command. */
    @Option(names = "--repeat", hidden = true)
    void repeat(int n) {
        timedRuns.runs = n;
    }

    /** {@code --runs}, checked. */
    private int repeat;

    @Option(names = "--image", description = "A radiograph file to time opening (and inference with --model).")
    Optional<Path> image;

    @Option(names = "--model", description = "An .onnx model for the open-to-overlay time (needs --image).")
    Optional<Path> model;

    @Override
    public Integer call() throws Exception {
        if (bits < 8 || bits > 16 || size < 16 || size > 8192) {
            throw new IllegalArgumentException("need --bits 8..16, --size 16..8192");
        }
        repeat = timedRuns.count(10_000);
        PrintWriter out = out();
        benchWindowLevel(out);
        if (image.isPresent()) {
            benchOpen(out, image.get());
        } else if (model.isPresent()) {
            throw new IllegalArgumentException("--model needs --image");
        }
        out.flush();
        return 0;
    }

    private void benchWindowLevel(PrintWriter out) {
        Radiograph r = synthetic(size, bits);
        PixelRange range = PixelRange.of(r);
        WindowLevel base = range.fullWindow(r);
        int[] argb = new int[r.pixels().length];
        double[] lut = new double[repeat];
        double[] generic = new double[repeat];
        for (int i = -1; i < repeat; i++) {
            // a different window each run, as during a drag
            WindowLevel w = new WindowLevel(base.center() + i * 7, Math.max(1, base.width() * 0.5 + i * 11));
            long t0 = System.nanoTime();
            DisplayLut.build(r, range, w, false).apply(r.pixels(), argb);
            long t1 = System.nanoTime();
            DisplayPipeline.render(r, w, false);
            long t2 = System.nanoTime();
            if (i >= 0) {
                lut[i] = (t1 - t0) / 1e6;
                generic[i] = (t2 - t1) / 1e6;
            }
        }
        out.printf(Locale.ROOT, "window/level %dx%d %d-bit: viewer LUT path median %.1f ms p90 %.1f ms;"
                + " DisplayPipeline.render median %.1f ms%n", size, size, bits, Percentiles.median(lut), Percentiles.of(lut, 90), Percentiles.median(generic));
    }

    private void benchOpen(PrintWriter out, Path file) throws Exception {
        ImageLoader loader = ImageLoader.of(RadiographReader::read, DisplayPipeline::defaultWindow);
        double[] open = new double[repeat];
        OpenedImage img = loader.open(file);
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            img = loader.open(file);
            open[i] = (System.nanoTime() - t0) / 1e6;
        }
        out.printf(Locale.ROOT, "open %s (%dx%d, %s): median %.0f ms p90 %.0f ms%n", file.getFileName(),
                img.width(), img.height(), img.image().format(), Percentiles.median(open), Percentiles.of(open, 90));
        if (model.isEmpty()) {
            return;
        }
        try (TbModel m = TbModel.load(model.get(), DevicePreference.AUTO)) {
            PostProcessing all = m.postProcessing().withThreshold(0.0);
            int[] argb = new int[img.image().pixels().length];
            double[] total = new double[repeat];
            double[] infer = new double[repeat];
            Prediction p = m.predict(img.image(), all);
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                OpenedImage o = loader.open(file);
                DisplayLut.build(o.image(), o.range(), o.defaultWindow(), false).apply(o.image().pixels(), argb);
                long t1 = System.nanoTime();
                p = m.predict(o.image(), all);
                long t2 = System.nanoTime();
                HeatmapRaster.colour(p.heatmap(), Colormap.JET);
                long t3 = System.nanoTime();
                total[i] = (t3 - t0) / 1e6;
                infer[i] = (t2 - t1) / 1e6;
            }
            out.printf(Locale.ROOT, "open-to-overlay with %s on %s: median %.0f ms p90 %.0f ms (inference median %.0f ms); score %.3f, %d boxes%n",
                    model.get().getFileName(), m.device(), Percentiles.median(total), Percentiles.of(total, 90), Percentiles.median(infer), p.tbProbability(), p.boxes().size());
        }
    }

    /** A chest-like synthetic radiograph: smooth gradient plus noise over the full stored range. */
    static Radiograph synthetic(int side, int bits) {
        int max = (1 << bits) - 1;
        int[] px = new int[side * side];
        SplittableRandom rnd = new SplittableRandom(42);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double v = 0.5 + 0.3 * Math.sin(x * 6.0 / side) * Math.cos(y * 4.0 / side) + 0.1 * (rnd.nextDouble() - 0.5);
                px[y * side + x] = (int) Math.max(0, Math.min(max, Math.round(v * max)));
            }
        }
        return new Radiograph(side, side, px, bits > 8 ? 16 : 8, bits, false, Photometric.MONOCHROME2, 1, 0,
                List.of(), Optional.empty(), Optional.empty(), "", "synthetic", Map.of(), Map.of());
    }

}
