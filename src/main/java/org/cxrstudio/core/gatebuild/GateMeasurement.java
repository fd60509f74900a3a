package org.cxrstudio.core.gatebuild;

import org.cxrstudio.core.imaging.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.imaging.WindowLevel;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;

/**
 * Measures a finished gate through {@link InputGate#check}, the path every caller uses: film
 * acceptance (validation, test), refusal of the shared non-chest images, of synthetic negatives
 * by kind, and of held-out non-chest DICOM with their headers ignored. Rates are fractions
 * {@code 0..1} keyed as in the card.
 */
final class GateMeasurement {
    /** Non-chest radiographs never used for tuning: judged by content with their header removed. */
    static final List<String> HELD_OUT_DICOM = List.of("original/RG3_J2KI.dcm", "original/JPEG-LL.dcm");
    /** Chest DICOM that must pass with their headers. */
    static final List<String> CHEST_DICOM = List.of("original/RG1_J2KI.dcm",
            "original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm",
            "derived/RG1_from_J2KI_jpegls_lossless.dcm");

    private GateMeasurement() { }

    static Map<String, Double> run(InputGate gate, FilmSplit split, Path data, int perKind, Knn knn,
                                   List<float[]> valFeatures, ProgressListener log, CancellationToken cancel)
            throws IOException {
        Map<String, Double> rates = new TreeMap<>();
        rates.put("graph_vs_java_max_abs_diff", agreement(gate, split.validation(), knn, valFeatures));
        rates.put("validation_film_acceptance", acceptance(gate, split.validation(), log, cancel));
        rates.put("test_film_acceptance", acceptance(gate, split.test(), log, cancel));
        rates.put("not_cxr_refusal", notCxr(gate, data.resolve("not-cxr/images"), log));
        List<GrayImage> films = new ArrayList<>();
        for (Path p : split.test().subList(0, Math.min(perKind, split.test().size()))) {
            films.add(DisplayPipeline.render(RadiographReader.read(p), null, false));
        }
        for (String kind : Negatives.FILM_KINDS) {
            cancel.throwIfCancelled();
            List<GrayImage> neg = films.stream().map(f -> Negatives.fromFilm(kind, f)).toList();
            rates.put("synthetic_" + kind + "_refusal", refusal(gate, kind, neg, log));
        }
        for (String kind : Negatives.PATTERN_KINDS) {
            cancel.throwIfCancelled();
            List<GrayImage> neg = Negatives.patterns(perKind, 512, 11).stream()
                    .filter(s -> s.kind().equals(kind)).map(Negatives.Sample::image).toList();
            rates.put("synthetic_" + kind + "_refusal", refusal(gate, kind, neg, log));
        }
        colour(gate, films, perKind, rates, log);
        heldOut(gate, data.resolve("dicom"), rates, log);
        return rates;
    }

    /** Largest difference between the graph's distance (float16 bank) and the Java one, first 20 films. */
    private static double agreement(InputGate gate, List<Path> films, Knn knn, List<float[]> features)
            throws ImageReadException {
        double worst = 0;
        for (int i = 0; i < Math.min(20, films.size()); i++) {
            GateDecision d = gate.check(RadiographReader.read(films.get(i)));
            double graph = d.measures().getOrDefault("knn_cosine_distance", Double.NaN);
            worst = Math.max(worst, Math.abs(graph - knn.distance(features.get(i))));
        }
        return worst;
    }

    private static double acceptance(InputGate gate, List<Path> films, ProgressListener log, CancellationToken cancel)
            throws ImageReadException {
        int ok = 0;
        for (Path p : films) {
            cancel.throwIfCancelled();
            GateDecision d = gate.check(RadiographReader.read(p));
            if (d.accepted()) {
                ok++;
            } else {
                log.log("  film refused: " + GateBuilder.key(p) + ": " + d.message());
            }
        }
        return (double) ok / films.size();
    }

    private static double notCxr(InputGate gate, Path dir, ProgressListener log) throws IOException {
        if (!Files.isDirectory(dir)) {
            log.log("no " + dir + ": not-cxr refusal not measured");
            return Double.NaN;
        }
        List<Path> files = ImageFiles.list(dir);
        int refused = 0;
        for (Path p : files) {
            GateDecision d = gate.check(RadiographReader.read(p));
            refused += d.accepted() ? 0 : 1;
            log.log(String.format(Locale.ROOT, "  not-cxr %s: %s (%s)", p.getFileName(),
                    d.accepted() ? "ACCEPTED" : d.reason().orElseThrow(), d.message()));
        }
        return (double) refused / files.size();
    }

    private static double refusal(InputGate gate, String kind, List<GrayImage> images, ProgressListener log) {
        int refused = 0;
        double maxAcceptedDistance = Double.NaN;
        Map<String, Integer> why = new TreeMap<>();
        for (GrayImage g : images) {
            GateDecision d = gate.check(radiograph(g));
            String m = d.message();
            why.merge(d.accepted() ? "accepted" : m.substring(0, Math.min(24, m.length())), 1, Integer::sum);
            if (d.accepted()) {
                maxAcceptedDistance = d.measures().getOrDefault("knn_cosine_distance", Double.NaN);
            } else {
                refused++;
            }
        }
        double rate = (double) refused / images.size();
        log.log(String.format(Locale.ROOT, "  synthetic %-18s refused %3d/%3d%s", kind, refused, images.size(),
                refused == images.size() ? "" : String.format(Locale.ROOT, " (an accepted one at distance %.3f)",
                        maxAcceptedDistance)) + " " + why);
        return rate;
    }

    /** Colour photographs and tinted films, through real RGB PNG and JPEG files. */
    private static void colour(InputGate gate, List<GrayImage> films, int perKind, Map<String, Double> rates,
                               ProgressListener log) throws IOException {
        Path tmp = Files.createTempDirectory("gate-colour");
        try {
            Random r = new Random(5);
            int[] refused = new int[3];
            for (int i = 0; i < perKind; i++) {
                BufferedImage photo = colourBlobs(r, 384, 288);
                refused[0] += refusedFile(gate, photo, tmp.resolve("p" + i + ".png"), "png");
                refused[1] += refusedFile(gate, photo, tmp.resolve("p" + i + ".jpg"), "jpeg");
                refused[2] += refusedFile(gate, tint(films.get(i % films.size())), tmp.resolve("t" + i + ".png"), "png");
            }
            String[] kinds = {"colour_photo_png", "colour_photo_jpeg", "tinted_film_png"};
            for (int k = 0; k < 3; k++) {
                rates.put("synthetic_" + kinds[k] + "_refusal", (double) refused[k] / perKind);
                log.log(String.format(Locale.ROOT, "  synthetic %-18s refused %3d/%3d", kinds[k], refused[k], perKind));
            }
        } finally {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    private static int refusedFile(InputGate gate, BufferedImage img, Path file, String format) throws IOException {
        ImageIO.write(img, format, file.toFile());
        return gate.check(RadiographReader.read(file)).accepted() ? 0 : 1;
    }

    private static BufferedImage colourBlobs(Random r, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[][] c = new int[8][];
        double[][] at = new double[8][];
        for (int i = 0; i < 8; i++) {
            c[i] = new int[] {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
            at[i] = new double[] {w * r.nextDouble(), h * r.nextDouble()};
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int best = 0;
                double bd = Double.MAX_VALUE;
                for (int i = 0; i < 8; i++) {
                    double d = Math.hypot(x - at[i][0], y - at[i][1]);
                    if (d < bd) {
                        bd = d;
                        best = i;
                    }
                }
                img.setRGB(x, y, c[best][0] << 16 | c[best][1] << 8 | c[best][2]);
            }
        }
        return img;
    }

    /** A film in sepia, as a phone photograph of a film on a warm light box might be. */
    private static BufferedImage tint(GrayImage g) {
        BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                int v = g.at(x, y);
                img.setRGB(x, y, v << 16 | (int) (v * 0.8) << 8 | (int) (v * 0.55));
            }
        }
        return img;
    }

    private static void heldOut(InputGate gate, Path dicom, Map<String, Double> rates, ProgressListener log)
            throws ImageReadException {
        if (!Files.isDirectory(dicom)) {
            log.log("no " + dicom + ": held-out DICOM not measured");
            return;
        }
        for (String f : HELD_OUT_DICOM) {
            Radiograph r = RadiographReader.read(dicom.resolve(f));
            Radiograph bare = new Radiograph(r.columns(), r.rows(), r.pixels(), r.bitsAllocated(), r.bitsStored(),
                    r.signed(), r.photometric(), r.rescaleSlope(), r.rescaleIntercept(), r.windows(), r.voiLut(),
                    Optional.empty(), "", r.format(), Map.of(), Map.of());
            GateDecision d = gate.check(bare);
            GateDecision c = gate.checkContentOnly(bare);
            String name = f.substring(f.indexOf('/') + 1).replace(".dcm", "").toLowerCase(Locale.ROOT).replace('-', '_');
            rates.put("heldout_" + name + "_headerless_refused", d.accepted() ? 0.0 : 1.0);
            rates.put("heldout_" + name + "_content_only_refused", c.accepted() ? 0.0 : 1.0);
            rates.put("heldout_" + name + "_knn_cosine_distance", c.measures().getOrDefault("knn_cosine_distance",
                    Double.NaN));
            log.log(String.format(Locale.ROOT, "  held-out %s, header ignored: %s (%s); content check alone: %s (%s)",
                    f, d.accepted() ? "ACCEPTED" : d.reason().orElseThrow(), d.message(),
                    c.accepted() ? "ACCEPTED" : c.reason().orElseThrow(), c.message()));
        }
        int ok = 0;
        for (String f : CHEST_DICOM) {
            GateDecision d = gate.check(RadiographReader.read(dicom.resolve(f)));
            ok += d.accepted() ? 1 : 0;
            log.log(String.format(Locale.ROOT, "  chest DICOM %s: %s (%s)", f, d.accepted() ? "accepted" : "REFUSED",
                    d.message()));
        }
        rates.put("chest_dicom_acceptance", (double) ok / CHEST_DICOM.size());
    }

    /** An 8-bit gray image as a radiograph with the identity window, as a gray PNG is read. */
    static Radiograph radiograph(GrayImage g) {
        int[] px = new int[g.gray().length];
        for (int i = 0; i < px.length; i++) {
            px[i] = g.gray()[i] & 0xFF;
        }
        return new Radiograph(g.width(), g.height(), px, 8, 8, false, Photometric.MONOCHROME2, 1, 0,
                List.of(new WindowLevel(128, 256)), Optional.empty(), Optional.empty(), "", "PNG", Map.of(), Map.of());
    }
}
