package org.cxrstudio.core.training;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.training.nn.Architectures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Training throughput of an architecture on random inputs: images per second of full steps
 * (forward, loss, backward, AdamW) at a given input size, supervised or with the distillation
 * losses (teacher outputs are precomputed once per run, so distillation costs a step plus the
 * extra loss terms), and the process's peak resident memory during the measurement (Linux
 * {@code VmHWM}, reset before each measurement through {@code /proc/self/clear_refs}).
 * Blocking; one at a time.
 */
public final class TrainingBenchmark {
    private final NetworkProvider networks;

    public TrainingBenchmark() {
        this(new NnNetworks());
    }

    TrainingBenchmark(NetworkProvider networks) {
        this.networks = networks;
    }

    /**
     * @param arch            preset name
     * @param parameters      trainable parameter count
     * @param imagesPerSecond training throughput
     * @param peakRssMiB      peak resident memory of the process during the measurement, MiB
     *                        ({@code NaN} when unavailable)
     * @param peakIsGlobal    the peak could not be reset: it is the process's peak so far
     */
    public record Result(String arch, int inputSize, boolean distill, int batch, long parameters,
                         double imagesPerSecond, double peakRssMiB, boolean peakIsGlobal) { }

    /**
     * Runs 2 warm-up steps, then steps until {@code minSteps} are done and at least
     * {@code minSeconds} passed (at most 10 × minSteps).
     */
    public Result measure(String arch, int inputSize, boolean distill, int batch, int minSteps, double minSeconds,
                          CancellationToken cancel) {
        boolean reset = resetPeak();
        try (StudentNet net = new StudentNet(networks, arch, inputSize, Architectures.DEFAULT_R0, 1)) {
            long params = 0;
            for (Pair<String, Parameter> p : net.block().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    params += p.getValue().getArray().size();
                }
            }
            AdamW opt = new AdamW(net.trainable(), net.manager(), 1e-4f);
            TrainingStep step = new TrainingStep(net, opt, new TrainingStep.Weights(0.5, 2, 1, 0));
            Random rnd = new Random(1);
            BatchAssembler.Data d = randomBatch(rnd, batch, inputSize, distill ? net.camWidth() * net.camHeight() : -1);
            for (int i = 0; i < 2; i++) {
                step.run(d, 1e-4f);
            }
            long t0 = System.nanoTime();
            int steps = 0;
            while (steps < minSteps || (System.nanoTime() - t0) / 1e9 < minSeconds && steps < 10 * minSteps) {
                cancel.throwIfCancelled();
                step.run(d, 1e-4f);
                steps++;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            return new Result(arch, inputSize, distill, batch, params, steps * batch / secs, peakRssMiB(), !reset);
        }
    }

    private static BatchAssembler.Data randomBatch(Random rnd, int n, int size, int camCells) {
        float[] x = new float[n * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float[] target = new float[n];
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            target[i] = i % 2;
            w[i] = 1;
        }
        if (camCells < 0) {
            return new BatchAssembler.Data(n, x, target, w, null, null, null, null, null);
        }
        float[] soft = new float[n];
        float[] cam = new float[n * camCells];
        for (int i = 0; i < n; i++) {
            soft[i] = rnd.nextFloat();
        }
        for (int i = 0; i < cam.length; i++) {
            cam[i] = (float) rnd.nextGaussian();
        }
        return new BatchAssembler.Data(n, x, target, w, soft, cam, soft.clone(), null, null);
    }

    private static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code VmHWM} of this process in MiB, or NaN. */
    static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
