package org.cxrstudio.core.training;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonParser;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.training.data.SyntheticData;
import org.cxrstudio.core.training.nn.TbNet;
import org.cxrstudio.core.training.onnx.OnnxExporter;
import org.cxrstudio.core.training.onnx.OnnxFiles;
import org.cxrstudio.core.training.onnx.proto.Onnx.StringStringEntryProto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LSE-LBA r0 goes from the config into the real network, the card, the exported ONNX graph
 * and the resume check: a one-epoch student-xs run at 64 px with r0 = 5.
 */
class R0Test {
    private static final int SIZE = 64;
    @TempDir
    static Path tmp;
    private static List<LabeledFolder> folders;
    private static Path out;

    @BeforeAll
    static void trainOneEpoch() throws IOException {
        folders = List.of(SyntheticData.write(tmp.resolve("a"), "siteA", 6, 6, 48, 3));
        out = tmp.resolve("run");
        TrainingResult r = new Trainer().run(config(5, false), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.model()).isEqualTo(out.resolve("model.onnx"));
    }

    private static TrainingConfig config(double r0, boolean resume) {
        return TrainingConfig.builder().labeled(folders).arch("student-xs").inputSize(SIZE).r0(r0).epochs(1)
                .batchSize(4).out(out).resume(resume).cacheDir(tmp.resolve("cache")).seed(9).build();
    }

    @Test
    void cardAndGraphCarryR0AndOnnxMatchesTheDjlForward() throws Exception {
        ModelCard card = ModelCard.fromJson(Files.readString(out.resolve("model.card.json")));
        assertThat(card.training()).containsEntry("r0", 5.0);
        assertThat(archR0(out.resolve("model.onnx"))).isEqualTo(5.0);

        try (StudentNet net = new StudentNet(new NnNetworks(), "student-xs", SIZE, 5, 0)) {
            new Checkpoints(out).loadBest(net);
            for (float r : ((TbNet) net.block()).pooling().sharpness()) {
                assertThat(r).isGreaterThan(5f); // r = r0 + exp(β)
            }
            int n = 2;
            float[] x = new float[n * SIZE * SIZE];
            Random rnd = new Random(4);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            StudentNet.Predictions djl = net.predict(x, n);
            float[][] ort = runOrt(out.resolve("model.onnx"), x, n);
            for (int i = 0; i < n; i++) {
                assertThat((double) Math.abs(djl.probability()[i] - ort[0][i])).isLessThanOrEqualTo(1e-4);
                for (int j = 0; j < djl.cams()[i].length; j++) {
                    float o = ort[1][i * djl.cams()[i].length + j];
                    assertThat((double) Math.abs(djl.cams()[i][j] - o)).isLessThanOrEqualTo(1e-4);
                }
            }
        }
    }

    @Test
    void exportFromCheckpointKeepsR0() throws Exception {
        Path onnx = tmp.resolve("from-ckpt.onnx");
        new Trainer().exportCheckpoint(out, onnx, true);
        assertThat(archR0(onnx)).isEqualTo(5.0);
    }

    @Test
    void resumingWithAnotherR0IsRefused() {
        assertThatThrownBy(() -> new Trainer().run(config(2, true), ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(IOException.class).hasMessageContaining("other settings").hasMessageContaining("r0 5.0");
    }

    @Test
    void r0OutsideItsRangeIsRejected() {
        for (double bad : new double[] {0, 0.001, 101, Double.NaN}) {
            assertThatThrownBy(() -> config(bad, false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--r0 must be 0.01..100");
        }
    }

    private static double archR0(Path onnx) throws IOException {
        for (StringStringEntryProto e : OnnxFiles.read(onnx).getMetadataPropsList()) {
            if (e.getKey().equals(OnnxExporter.ARCH_KEY)) {
                return JsonParser.parseString(e.getValue()).getAsJsonObject().get("r0").getAsDouble();
            }
        }
        throw new AssertionError(onnx + " has no " + OnnxExporter.ARCH_KEY);
    }

    /** ONNX Runtime outputs {@code [probability, cam]}, flattened. */
    private static float[][] runOrt(Path onnx, float[] x, int n) throws Exception {
        Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {n, 1, SIZE, SIZE});
             OrtSession.Result r = s.run(Map.of(OnnxExporter.INPUT, in))) {
            return new float[][] {flat((OnnxTensor) r.get("probability").orElseThrow()),
                    flat((OnnxTensor) r.get("cam").orElseThrow())};
        }
    }

    private static float[] flat(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
    }
}
