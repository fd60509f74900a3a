package org.cxrstudio.app.cli;

import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train} end to end on a handful of real images of {@code shared/data} (never copied: the
 * subset CSVs name files in the shared folders): tiny student at 64 px, 2 epochs, then the
 * exported model loads and predicts in ONNX Runtime.
 */
class TrainSharedDataEndToEndTest {
    @TempDir
    Path tmp;

    private static Path shared() {
        Path d = Path.of(System.getProperty("cxr.shared.data", "../shared/data"));
        Assumptions.assumeTrue(Files.isDirectory(d.resolve("tbx11k-extra/images")), "shared data absent: " + d);
        return d;
    }

    /** The header and the first {@code tb}/{@code normal} rows of a labels CSV (all rows of each chosen file). */
    private Path subset(Path csv, String name, int tb, int other) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        int t = 0;
        int o = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            boolean isTb = "tb".equals(f[1]);
            if (!chosen.contains(f[0])) {
                if (isTb && t < tb) {
                    t++;
                    chosen.add(f[0]);
                } else if (!isTb && o < other) {
                    o++;
                    chosen.add(f[0]);
                }
            }
            if (chosen.contains(f[0])) {
                b.append(l).append('\n');
            }
        }
        return Files.writeString(tmp.resolve(name), b.toString());
    }

    @Test
    void trainsExportsAndTheModelPredicts() throws Exception {
        Path d = shared();
        Path tbCsv = subset(d.resolve("tbx11k-tb/labels.csv"), "tb.csv", 6, 0);
        Path nihCsv = subset(d.resolve("nih-cxr14/labels.csv"), "nih.csv", 0, 6);
        Path extraCsv = subset(d.resolve("tbx11k-extra/labels.csv"), "extra.csv", 6, 6);
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("train", "--no-gate", "--images", d.resolve("tbx11k-tb/images").toString(), "--labels", tbCsv.toString(),
                "--images", d.resolve("nih-cxr14/images").toString(), "--labels", nihCsv.toString(),
                "--images", d.resolve("tbx11k-extra/images").toString(), "--labels", extraCsv.toString(),
                "--arch", "student-xs", "--size", "64", "--epochs", "2", "--batch", "8", "--out", out.toString(),
                "--cache", tmp.resolve("cache").toString(), "--role", "student");
        assertThat(r.err().lines()).as("stderr: only the note that the gate is off").singleElement()
                .asString().startsWith("input gate OFF");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("epoch 2:").contains("completed");
        assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).hasSize(2);
        try (TbModel m = TbModel.load(out.resolve("model.onnx"), DevicePreference.CPU)) {
            ModelCard card = m.card();
            assertThat(card.architecture()).isEqualTo("student-xs");
            assertThat(card.preprocessing().inputSize()).isEqualTo(64);
            assertThat(card.validation()).containsKeys("auc", "groups", "same_source_auc");
            assertThat(card.training()).containsKeys("command", "split", "seed");
            assertThat((String) card.training().get("command")).startsWith("cxr-studio train --").doesNotContain("train train");
            Prediction p = m.predict(RadiographReader.read(d.resolve("tbx11k-tb/images").resolve(
                    Files.readAllLines(tbCsv).get(1).split(",")[0])));
            assertThat(p.tbProbability()).isBetween(0.0, 1.0);
            assertThat(p.heatmap()).isNotNull();
        }
    }
}
