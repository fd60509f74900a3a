package org.cxrstudio.app.gui;

import com.google.gson.Gson;
import org.cxrstudio.core.training.EpochMetrics;
import org.cxrstudio.ui.training.EpochPoint;
import org.cxrstudio.ui.training.TrainingBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel backend's chart feed from metrics.jsonl (as core.training writes it) and its summary line. */
class TrainerBackendTest {
    @TempDir
    Path out;
    private final List<EpochPoint> points = new ArrayList<>();
    private final List<String> logs = new ArrayList<>();
    private final TrainingBackend.Events events = new TrainingBackend.Events() {
        @Override
        public void progress(long done, long total, String message) { }

        @Override
        public void log(String line) {
            logs.add(line);
        }

        @Override
        public void epoch(EpochPoint point) {
            points.add(point);
        }
    };

    private static EpochMetrics metrics(double epoch, double loss, Double auc) {
        return new EpochMetrics(epoch, loss, loss + 0.1, auc, null, null, null, 0.5, Map.of(), 10 * epoch, 20, true);
    }

    private static void write(Path dir, EpochMetrics... ms) throws IOException {
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder();
        for (EpochMetrics m : ms) {
            b.append(new Gson().toJson(m)).append('\n');
        }
        Files.writeString(dir.resolve("metrics.jsonl"), b);
    }

    @Test
    void baselineThenDistilledEpochsBecomeChartPointsOnce() throws IOException {
        TrainerBackend.EpochWatcher w = new TrainerBackend.EpochWatcher(out, true, events);
        write(out.resolve("baseline"), metrics(1, 0.7, 0.6));
        w.log("epoch 1: train loss 0.7");
        write(out.resolve("baseline"), metrics(1, 0.7, 0.6), metrics(2, 0.5, 0.7));
        w.log("epoch 2: train loss 0.5");
        w.log("distillation: training student-s from teacher t.onnx");
        write(out, metrics(1, 0.6, 0.65));
        w.log("epoch 1: train loss 0.6");
        w.log("not an epoch line");
        assertThat(points).extracting(EpochPoint::run).containsExactly("baseline", "baseline", "distilled");
        assertThat(points).extracting(EpochPoint::epoch).containsExactly(1.0, 2.0, 1.0);
        assertThat(points.get(1).auc()).isEqualTo(0.7);
        assertThat(points.get(2).valLoss()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(logs).hasSize(5);
    }

    @Test
    void unreadableMetricsDoNotStopTheRun() {
        TrainerBackend.EpochWatcher w = new TrainerBackend.EpochWatcher(out, false, events);
        w.log("epoch 1: train loss 0.6"); // no metrics.jsonl yet
        assertThat(points).isEmpty();
        assertThat(logs).containsExactly("epoch 1: train loss 0.6");
    }

    @Test
    void validationLineShowsTheKnownFigures() {
        assertThat(TrainerBackend.validationLine(Map.of("auc", 0.9123, "n", 40, "miou", 0.31)))
                .isEqualTo("auc 0.912, miou 0.310, n 40");
        assertThat(TrainerBackend.validationLine(Map.of())).isEqualTo("no validation figures");
        assertThat(TrainerBackend.validationLine(Map.of("split", Map.of("auc", 0.969, "n", 318))))
                .isEqualTo("auc 0.969, n 318 (split)");
    }
}
