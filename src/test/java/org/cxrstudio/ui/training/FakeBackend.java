package org.cxrstudio.ui.training;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A training backend that behaves like {@code core.training.Trainer} at the file level without
 * training: per epoch it reports batches, writes {@code checkpoints/last.ckpt} (the epoch
 * reached) and emits a chart point; cancelled, it throws {@link CancelledException} after the
 * checkpoint; resumed, it continues from the checkpoint; finished, it writes {@code model.onnx}.
 * Refuses an existing run without resume, like the real trainer.
 */
final class FakeBackend implements TrainingBackend {
    final List<TrainingRequest> requests = new ArrayList<>();
    final int batchesPerEpoch;
    /** When set, {@link #run} waits on it before each batch (lets a test cancel mid-run). */
    volatile CountDownLatch gate;
    /** {@link #run} of a fresh run waits on {@link #gate} only before this batch (counted from 0); −1 = before each. */
    volatile long pauseAt = -1;
    volatile long batchSleepMs;
    volatile IOException failWith;
    /** A teacher file that exists but "does not fit" (as a 3-channel model would not). */
    volatile Path badTeacher;

    FakeBackend(int batchesPerEpoch) {
        this.batchesPerEpoch = batchesPerEpoch;
    }

    @Override
    public TeacherInfo describeTeacher(Path onnx) throws IOException {
        if (onnx.equals(badTeacher)) {
            throw new IOException(onnx + ": input 1x3x224x224 is not a gray N×1×S×S image");
        }
        if (!Files.isRegularFile(onnx)) {
            throw new IOException(onnx + ": no such file");
        }
        return new TeacherInfo("fake-teacher 1.0", "resnet18", 256, "AUC 0.90 (fake)");
    }

    @Override
    public RunSummary run(TrainingRequest r, Events events, CancellationToken cancel) throws IOException {
        requests.add(r);
        if (failWith != null) {
            throw failWith;
        }
        Path ckpt = r.out().resolve("checkpoints").resolve("last.ckpt");
        if (Files.exists(ckpt) && !r.resume()) {
            throw new IOException(r.out() + " already holds a training run: resume it or choose another folder");
        }
        int epoch = Files.exists(ckpt) ? Integer.parseInt(Files.readString(ckpt).trim()) : 0;
        Files.createDirectories(ckpt.getParent());
        events.log(r.resume() ? "resuming at epoch " + epoch : "fake run");
        long total = (long) r.epochs() * batchesPerEpoch;
        for (; epoch < r.epochs(); epoch++) {
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (pauseAt < 0 || (!r.resume() && (long) epoch * batchesPerEpoch + b == pauseAt)) {
                    awaitGate();
                }
                if (cancel.isCancelled()) {
                    Files.writeString(ckpt, Integer.toString(epoch));
                    throw new CancelledException();
                }
                sleep();
                events.progress((long) epoch * batchesPerEpoch + b + 1, total, "epoch " + (epoch + 1) + " batch " + (b + 1));
            }
            Files.writeString(ckpt, Integer.toString(epoch + 1));
            double e = epoch + 1;
            events.epoch(new EpochPoint(EpochPoint.DISTILLED, e, 1.0 / e, 1.2 / e, 0.5 + 0.04 * e, null, true));
            events.log("epoch " + (epoch + 1) + " done");
        }
        Path model = r.out().resolve("model.onnx");
        Files.writeString(model, "fake model");
        return new RunSummary(model, "completed", 1.5, "student AUC 0.80 vs teacher 0.90");
    }

    private void awaitGate() {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sleep() {
        if (batchSleepMs > 0) {
            try {
                Thread.sleep(batchSleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public List<String> presets() {
        return List.of("student-xs", "student-s", "student-m");
    }

    /** A folder of {@code n} fake PNG files and a labels CSV: enough for the form's checks. */
    static Path[] labelledFolder(Path dir, int n) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder csv = new StringBuilder("filename,label\n");
        for (int i = 0; i < n; i++) {
            Files.writeString(images.resolve("img" + i + ".png"), "x");
            csv.append("img").append(i).append(".png,").append(i % 2 == 0 ? "tb" : "normal").append('\n');
        }
        Path labels = Files.writeString(dir.resolve("labels.csv"), csv);
        return new Path[] {images, labels};
    }
}
