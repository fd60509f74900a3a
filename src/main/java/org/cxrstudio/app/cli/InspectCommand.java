package org.cxrstudio.app.cli;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.imaging.WindowLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect FILE}: reads a radiograph (DICOM, PNG or JPEG, sniffed from content) and prints
 * its metadata as JSON; optionally writes the stored pixel values as a 16-bit PNG and the display
 * rendering as an 8-bit PNG. Patient/study identifiers are printed only with {@code --patient}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a radiograph's metadata as JSON; optionally write its raw and rendered pixels.")
final class InspectCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "DICOM, PNG or JPEG file.")
    Path file;

    @Mixin
    JsonFileOption json;

    @Option(names = "--raw", paramLabel = "OUT.png",
            description = "Write the stored pixel values (before any LUT) as a 16-bit gray PNG "
                    + "(signed values as their 16-bit two's complement).")
    Path raw;

    @Option(names = "--render", paramLabel = "OUT.png", description = "Write the 8-bit display rendering as PNG.")
    Path render;

    @Option(names = "--window", paramLabel = "C,W", split = ",",
            description = "Window centre and width in modality units for --render (default: the file's, else auto).")
    List<Double> window;

    @Option(names = "--invert", description = "Invert the rendering (on top of MONOCHROME1 inversion).")
    boolean invert;

    @Option(names = "--patient", description = "Include patient/study identifiers in the output.")
    boolean patient;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        Radiograph r = RadiographReader.read(file);
        double decodeMs = (System.nanoTime() - t0) / 1e6;
        WindowLevel w = null;
        if (window != null) {
            if (window.size() != 2) {
                throw new IllegalArgumentException("--window needs C,W (two numbers), got " + window);
            }
            w = new WindowLevel(window.get(0), window.get(1));
        }
        Map<String, Object> out = describe(r, decodeMs);
        PrintWriter pw = out();
        pw.println(JsonOut.PRETTY.toJson(out));
        pw.flush();
        json.write(out);
        if (raw != null) {
            writePng(raw, raw16(r));
        }
        if (render != null) {
            writePng(render, gray8(DisplayPipeline.render(r, w, invert)));
        }
        return 0;
    }

    private Map<String, Object> describe(Radiograph r, double decodeMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("format", r.format());
        m.put("columns", r.columns());
        m.put("rows", r.rows());
        m.put("bitsAllocated", r.bitsAllocated());
        m.put("bitsStored", r.bitsStored());
        m.put("signed", r.signed());
        m.put("photometric", r.photometric().name());
        m.put("rescaleSlope", r.rescaleSlope());
        m.put("rescaleIntercept", r.rescaleIntercept());
        m.put("windows", r.windows().stream().map(x -> ordered("center", x.center(), "width", x.width())).toList());
        m.put("voiLut", r.voiLut().map(l -> {
            Map<String, Object> v = ordered("firstMapped", l.firstMapped(), "bits", l.bits());
            v.put("entries", l.table().length);
            return v;
        }).orElse(null));
        m.put("pixelSpacingMm", r.pixelSpacingMm().orElse(null));
        m.put("viewPosition", r.viewPosition());
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : r.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        m.put("storedMin", min);
        m.put("storedMax", max);
        WindowLevel dw = DisplayPipeline.defaultWindow(r);
        m.put("defaultWindow", ordered("center", JsonOut.round(dw.center(), 3), "width", JsonOut.round(dw.width(), 3)));
        m.put("decodeMs", JsonOut.round(decodeMs, 1));
        m.put("metadata", new TreeMap<>(r.metadata()));
        if (patient) {
            m.put("patient", new TreeMap<>(r.patient()));
        } else {
            m.put("patientFieldsHidden", r.patient().size());
        }
        return m;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static BufferedImage raw16(Radiograph r) {
        BufferedImage img = new BufferedImage(r.columns(), r.rows(), BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        int[] px = r.pixels();
        for (int i = 0; i < px.length; i++) {
            data[i] = (short) px[i];
        }
        return img;
    }

    private static BufferedImage gray8(GrayImage g) {
        BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(g.gray(), 0, data, 0, data.length);
        return img;
    }

    private static void writePng(Path out, BufferedImage img) throws IOException {
        Path abs = out.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException(out + ": no PNG writer available");
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
