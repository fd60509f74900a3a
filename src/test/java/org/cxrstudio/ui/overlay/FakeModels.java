package org.cxrstudio.ui.overlay;

import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.gate.RefusalReason;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelLoadException;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.core.screening.ScreeningResult;
import org.cxrstudio.core.screening.TbScore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake models for viewer tests: the score is fixed per file name ({@code teacher*} 0.8, else
 * 0.6), the heatmap is a Gaussian blob at ({@code cx}, {@code cy}) of the image, the box surrounds
 * it. Files named {@code broken*} fail to load; images narrower than 8 pixels fail to predict.
 * The fake gate refuses images whose {@code Modality} is {@code CT}, as the real header rules do.
 */
public final class FakeModels implements TbPredictor.Loader {
    public final AtomicInteger predictions = new AtomicInteger();
    private final double cx;
    private final double cy;

    public FakeModels(double cx, double cy) {
        this.cx = cx;
        this.cy = cy;
    }

    public static ModelCard card(String name, double threshold) {
        return new ModelCard(name, "1.0", "student-s", name.startsWith("teacher") ? "teacher" : "student",
                Preprocessing.perImage(64), List.of("tb"), threshold, "probability", "cam", Map.of("epochs", 3),
                Map.of("auc", 0.91), "");
    }

    /** The fake SHA-256 of a fake model file: the hash of its name. */
    public static String sha(String fileName) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gaussian blob heatmap on a 16×16 grid centred at fractional image position (fx, fy). */
    public static Heatmap blob(int imageWidth, int imageHeight, double fx, double fy) {
        float[] v = new float[16 * 16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                double dx = (x + 0.5) / 16 - fx;
                double dy = (y + 0.5) / 16 - fy;
                v[y * 16 + x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * 0.08 * 0.08));
            }
        }
        return new Heatmap(16, 16, v, imageWidth, imageHeight);
    }

    @Override
    public TbPredictor load(Path onnx) throws IOException {
        String name = onnx.getFileName().toString();
        if (name.startsWith("broken")) {
            throw new ModelLoadException(onnx + ": not an ONNX model (protobuf parse failed)");
        }
        double score = name.startsWith("teacher") ? 0.8 : 0.6;
        ModelCard card = card(name.replace(".onnx", ""), 0.5).withSha256(sha(name));
        return new TbPredictor() {
            @Override
            public ModelCard card() {
                return card;
            }

            @Override
            public String device() {
                return "CPU";
            }

            @Override
            public String deviceReason() {
                return "no CUDA provider in this build";
            }

            @Override
            public Path path() {
                return onnx;
            }

            @Override
            public ScreeningResult screen(String source, Radiograph r) {
                if ("CT".equals(r.metadata().get("Modality"))) {
                    return new ScreeningResult(source, r, GateDecision.refuse(RefusalReason.NOT_RADIOGRAPH_MODALITY,
                            "CT is not a chest radiograph", Map.of()), null, null, null);
                }
                return scoreAnyway(source, r, GateDecision.accept(Map.of()));
            }

            @Override
            public ScreeningResult scoreAnyway(String source, Radiograph r, GateDecision d) {
                try {
                    Prediction p = predict(r);
                    return new ScreeningResult(source, r, d, p, TbScore.of(p.tbProbability(), 0.5, null), null);
                } catch (IOException e) {
                    return new ScreeningResult(source, r, d, null, null, e.getMessage());
                }
            }

            Prediction predict(Radiograph r) throws IOException {
                if (r.columns() < 8) {
                    throw new IOException(onnx + ": input too small");
                }
                predictions.incrementAndGet();
                double w = r.columns();
                double h = r.rows();
                Box box = new Box(w * (cx - 0.1), h * (cy - 0.1), w * (cx + 0.1), h * (cy + 0.1), 0.9);
                return new Prediction(score, 0.5, score >= 0.5, blob(r.columns(), r.rows(), cx, cy), List.of(box), "CPU", 12.0);
            }

            @Override
            public void close() { }
        };
    }
}
