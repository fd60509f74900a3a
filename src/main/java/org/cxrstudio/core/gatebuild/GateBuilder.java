package org.cxrstudio.core.gatebuild;

import org.cxrstudio.core.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrstudio.core.gate.GateCard;
import org.cxrstudio.core.gate.GateLoadException;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.pretrained.MobileNetV2Weights;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.onnx.Float16;

/**
 * Builds {@code gate.onnx} and its card from the pretrained MobileNetV2 and the shared chest
 * films: features of every film (cached), a bank of the bank split, the distance limit at the
 * {@code acceptance} quantile of the validation films' distances, then the finished gate is
 * loaded through {@link InputGate} and measured ({@link GateMeasurement}) on validation and
 * test films, the shared non-chest images, synthetic negatives and held-out DICOM. Runs on the
 * calling thread; checks {@code cancel} between images.
 *
 * <pre>{@code
 * GateCard card = GateBuilder.build(new GateBuilder.Config(tflite, data, Path.of("models/gate.onnx"),
 *         Path.of("target"), 5, 0.995, 30), progress, CancellationToken.NONE);
 * }</pre>
 */
public final class GateBuilder {
    /** Gate format version written to the card. */
    public static final String VERSION = "gate-1";
    /** Input side of the feature network, pixels. */
    public static final int INPUT_SIZE = 224;
    /**
     * Added to the validation quantile: the gate runs six variants as one batch, whose float
     * results differ from single runs by ~1e-5, so a film exactly at the quantile could flip.
     */
    static final double LIMIT_TOLERANCE = 5e-4;

    private GateBuilder() { }

    /**
     * @param tflite           the uint8 MobileNetV2 TFLite file
     * @param dataDir          the shared data folder (chest film folders, {@code not-cxr}, {@code dicom})
     * @param out              where to write {@code gate.onnx} (the card goes beside it)
     * @param cacheDir         where to cache film features, or {@code null}
     * @param k                neighbours averaged, {@code >= 1}
     * @param acceptance       fraction of validation films that must pass, {@code (0, 1]}
     * @param negativesPerKind synthetic negatives of each kind
     */
    public record Config(Path tflite, Path dataDir, Path out, Path cacheDir, int k, double acceptance,
                         int negativesPerKind) {
        public Config {
            if (k < 1 || !(acceptance > 0 && acceptance <= 1) || negativesPerKind < 1) {
                throw new IllegalArgumentException("k >= 1, acceptance in (0, 1] and negativesPerKind >= 1 needed");
            }
        }
    }

    public static GateCard build(Config cfg, ProgressListener progress, CancellationToken cancel)
            throws IOException, GateLoadException {
        MobileNetV2Weights weights = MobileNetV2Weights.read(cfg.tflite());
        byte[] featureGraph = GateGraph.build(weights, INPUT_SIZE, null, 0, cfg.k(), null).toByteArray();
        FilmSplit split = FilmSplit.of(cfg.dataDir());
        progress.log(String.format(Locale.ROOT, "films: %d bank, %d validation, %d test", split.bank().size(),
                split.validation().size(), split.test().size()));
        FeatureCache cache = new FeatureCache(cfg.cacheDir(), Sha256.of(featureGraph));
        List<float[]> bankF;
        List<float[]> valF;
        int dim = MobileNetV2Weights.FEATURES;
        Knn knn;
        double limit;
        double orientation;
        List<float[]> cropF;
        double cropMargin;
        try (FeatureRunner runner = new FeatureRunner(featureGraph, INPUT_SIZE)) {
            int total = split.bank().size() + split.validation().size() + split.test().size();
            int[] done = {0};
            bankF = features(split.bank(), runner, cache, progress, cancel, done, total);
            valF = features(split.validation(), runner, cache, progress, cancel, done, total);
            features(split.test(), runner, cache, progress, cancel, done, total);
            cache.save();
            float[] bank = new float[bankF.size() * dim];
            for (int i = 0; i < bankF.size(); i++) {
                System.arraycopy(bankF.get(i), 0, bank, i * dim, dim);
            }
            for (int i = 0; i < bank.length; i++) {
                bank[i] = Float16.fromHalf(Float16.toHalf(bank[i])); // as the graph stores it
            }
            knn = new Knn(bank, bankF.size(), dim, cfg.k());
            double[] valD = valF.stream().mapToDouble(knn::distance).toArray();
            limit = Knn.quantile(valD, cfg.acceptance()) + LIMIT_TOLERANCE;
            progress.log(String.format(Locale.ROOT, "distance limit %.4f (%.1f %% of %d validation films at or below)",
                    limit, 100 * cfg.acceptance(), valD.length));
            double[] margins = ValidationRules.measure(split.validation(), runner, knn, cancel);
            orientation = Math.max(0, Arrays.stream(margins).max().orElseThrow());
            progress.log(String.format(Locale.ROOT, "orientation margin limit %.4f (largest validation margin %.4f, "
                    + "never below 0)", orientation, Arrays.stream(margins).max().orElseThrow()));
            cropF = CropBank.features(split.bank(), runner, cache, cancel);
            float[] crops = knnBank(cropF, dim);
            for (int i = 0; i < crops.length; i++) {
                crops[i] = Float16.fromHalf(Float16.toHalf(crops[i]));
            }
            Knn cropKnn = new Knn(crops, cropF.size(), dim, cfg.k());
            double worst = valF.stream().mapToDouble(f -> knn.distance(f) - cropKnn.distance(f)).max().orElseThrow();
            cropMargin = Math.max(0, worst + LIMIT_TOLERANCE);
            progress.log(String.format(Locale.ROOT, "crop bank %d crops; crop margin limit %.4f (largest validation "
                    + "margin %.4f, never below 0)", cropF.size(), cropMargin, worst));
        } finally {
            cache.save();
        }
        float[] bank = knnBank(bankF, dim);

        byte[] gate = GateGraph.build(weights, INPUT_SIZE, bank, bankF.size(), knnBank(cropF, dim), cropF.size(),
                cfg.k(), null).toByteArray();
        Files.createDirectories(cfg.out().toAbsolutePath().getParent());
        Files.write(cfg.out(), gate);
        Limits lim = new Limits(limit, orientation, cropMargin);
        GateCard card = card(weights, Sha256.of(gate), cfg, bankF.size(), lim, Map.of());
        card.write(GateCard.sidecarOf(cfg.out()));
        Map<String, Double> rates;
        try (InputGate loaded = InputGate.load(cfg.out())) {
            rates = GateMeasurement.run(loaded, split, cfg.dataDir(), cfg.negativesPerKind(), knn, valF, progress,
                    cancel);
        }
        card = card(weights, Sha256.of(gate), cfg, bankF.size(), lim, rates);
        card.write(GateCard.sidecarOf(cfg.out()));
        return card;
    }

    private record Limits(double distance, double orientation, double crop) { }

    private static float[] knnBank(List<float[]> bankF, int dim) {
        float[] bank = new float[bankF.size() * dim];
        for (int i = 0; i < bankF.size(); i++) {
            System.arraycopy(bankF.get(i), 0, bank, i * dim, dim);
        }
        return bank;
    }

    private static GateCard card(MobileNetV2Weights w, String sha, Config cfg, int bankSize, Limits limit,
                                 Map<String, Double> rates) {
        return new GateCard(VERSION, "MobileNetV2 1.0/224 ImageNet (" + cfg.tflite().getFileName()
                + ", uint8 dequantised to float, batch norm folded, one-channel stem), global-average-pooled "
                + MobileNetV2Weights.FEATURES + "-d features, cosine distance to the k nearest bank films",
                w.sourceSha256(), sha, INPUT_SIZE, cfg.k(), bankSize, limit.distance(), GateCard.MIN_SHORT_SIDE,
                GateCard.MAX_ASPECT, GateCard.COLOURFULNESS_LIMIT, GateCard.COLOUR_FRACTION_LIMIT,
                limit.orientation(), limit.crop(), rates,
                "Feature network derived from the MobileNetV2 weights of github google-coral/test_data at commit "
                        + "104342d2 (Apache License 2.0). Bank: features (not images) of TBX11K, NIH ChestX-ray14, "
                        + "Shenzhen, Montgomery and DA/DB chest films; no image is included.");
    }

    private static List<float[]> features(List<Path> films, FeatureRunner runner, FeatureCache cache,
                                          ProgressListener progress, CancellationToken cancel, int[] done, int total)
            throws IOException {
        List<float[]> out = new ArrayList<>();
        for (Path p : films) {
            cancel.throwIfCancelled();
            String key = key(p);
            float[] f = cache.get(key);
            if (f == null) {
                f = runner.features(plane(p));
                cache.put(key, f);
            }
            out.add(f);
            done[0]++;
            if (done[0] % 50 == 0 || done[0] == total) {
                progress.progress(done[0], total, "features " + done[0] + "/" + total);
            }
        }
        return out;
    }

    /** The gate's input plane of a file: default rendering resized to the input size. */
    static float[] plane(Path p) throws ImageReadException {
        return ModelInput.resize(DisplayPipeline.render(RadiographReader.read(p), null, false), INPUT_SIZE);
    }

    static String key(Path p) {
        Path parent = p.getParent() == null ? null : p.getParent().getParent();
        return (parent == null ? "" : parent.getFileName() + "/") + p.getFileName();
    }

}
