package org.cxrstudio.core.training;

import org.cxrstudio.core.inference.TestModels;
import org.cxrstudio.core.inference.TinyOnnx;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.training.data.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Distillation with a hand-made ONNX teacher whose CAM is the average-pooled input (the synthetic
 * TB blob is bright, so this teacher "sees" it) and a tiny student.
 */
class DistillTest {
    @TempDir
    static Path data;
    @TempDir
    Path tmp;
    private static List<LabeledFolder> folders;
    private static Path teacher;

    @BeforeAll
    static void makeData() throws IOException {
        folders = List.of(SyntheticData.write(data.resolve("a"), "siteA", 10, 10, 48, 1),
                SyntheticData.write(data.resolve("b"), "siteB", 6, 6, 48, 2));
        teacher = TestModels.write(data, "teacher", "teacher", TestModels.brightness(48), 0.5);
    }

    private TrainingConfig.Builder config(String out) {
        return TrainingConfig.builder().labeled(folders).arch("tiny").inputSize(32).epochs(2).batchSize(4)
                .learningRate(3e-3).out(tmp.resolve(out)).cacheDir(tmp.resolve("cache")).seed(5).teacher(teacher);
    }

    private static TrainingResult run(TrainingConfig c) throws IOException {
        return new Trainer(new TinyNetworks()).run(c, ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void distillsWithTeacherAtItsOwnSizeAndRecordsTeacherFigures() throws IOException {
        TrainingResult r = run(config("d").build());
        assertThat(r.stopReason()).isEqualTo(TrainingResult.COMPLETED);
        assertThat(tmp.resolve("d/" + TeacherTargets.FILE)).exists();
        TeacherTargets t = TeacherTargets.read(tmp.resolve("d/" + TeacherTargets.FILE));
        assertThat(t.nativeWidth()).isEqualTo(6); // 48 px teacher, 8x8 pooling
        assertThat(t.camWidth()).isEqualTo(8);    // tiny student at 32 px: stride 4
        assertThat(r.bestValidation()).containsKey("teacher");
        String card = Files.readString(tmp.resolve("d/model.card.json"));
        assertThat(card).contains("\"role\": \"student\"").contains("\"kd_alpha\"").contains("\"teacher\"");
    }

    @Test
    void theTeacherSeesTheCropOfItsOwnCardAsInferenceWould() throws Exception {
        Path cropped = TestModels.write(tmp, "cropped", "teacher", TestModels.brightness(48).withCrop("border"), 0.5);
        TrainingResult r = run(config("c").teacher(cropped).crop("border").epochs(1).build());
        assertThat(r.stopReason()).isEqualTo(TrainingResult.COMPLETED);
        assertThat(Files.readString(tmp.resolve("c/model.card.json"))).containsPattern("\"crop\"\\s*:\\s*\"border\"");
        Path targets;
        try (var files = Files.list(tmp.resolve("c"))) {
            targets = files.filter(f -> f.getFileName().toString().startsWith("teacher-targets")).findFirst().orElseThrow();
        }
        float[] got = TeacherTargets.read(targets).probability().clone();
        // what inference gives for every image with the teacher's card (crop border) and without a crop
        List<Path> images = org.cxrstudio.core.training.data.TrainingData.load(folders, null).stream()
                .map(org.cxrstudio.core.training.data.Sample::file).toList();
        float[] withCrop = new float[images.size()];
        float[] noCrop = new float[images.size()];
        Path plain = TestModels.write(tmp, "plain", "teacher", TestModels.brightness(48), 0.5);
        try (var m = org.cxrstudio.core.inference.TbModel.load(cropped, org.cxrstudio.core.inference.DevicePreference.CPU);
             var p = org.cxrstudio.core.inference.TbModel.load(plain, org.cxrstudio.core.inference.DevicePreference.CPU)) {
            for (int i = 0; i < images.size(); i++) {
                var rg = org.cxrstudio.core.imaging.RadiographReader.read(images.get(i));
                withCrop[i] = (float) m.predict(rg).tbProbability();
                noCrop[i] = (float) p.predict(rg).tbProbability();
            }
        }
        java.util.Arrays.sort(got);
        java.util.Arrays.sort(withCrop);
        java.util.Arrays.sort(noCrop);
        double maxCropDiff = 0;
        double maxPlainDiff = 0;
        for (int i = 0; i < got.length; i++) {
            maxCropDiff = Math.max(maxCropDiff, Math.abs(got[i] - withCrop[i]));
            maxPlainDiff = Math.max(maxPlainDiff, Math.abs(got[i] - noCrop[i]));
        }
        assertThat(maxCropDiff).isLessThan(2e-3); // byte rounding of the cache only
        assertThat(maxPlainDiff).as("teacher outputs without the crop (crop-matched diff %s)", maxCropDiff)
                .isGreaterThan(Math.max(4e-3, 3 * maxCropDiff));
    }

    @Test
    void baselineUsesSameSplitSeedAndBudgetAndIsCompared() throws IOException {
        TrainingResult r = run(config("b").baseline(true).timeBudget(Duration.ofMinutes(5)).build());
        Path out = tmp.resolve("b");
        assertThat(Files.readString(out.resolve("baseline/split.csv"))).isEqualTo(Files.readString(out.resolve("split.csv")));
        String baseCard = Files.readString(out.resolve("baseline/model.card.json"));
        assertThat(baseCard).contains("\"seed\": 5").contains("\"time_budget\": \"PT5M\"").doesNotContain("kd_alpha");
        assertThat(r.comparison()).isNotNull();
        assertThat(r.comparison().rows()).extracting(Comparison.Row::model)
                .containsExactly("teacher", "student-alone", "distilled");
        assertThat(r.comparison().toTable()).contains("siteA").contains("distilled");
        @SuppressWarnings("unchecked")
        Map<String, Object> cmp = (Map<String, Object>) r.bestValidation().get("baseline_comparison");
        assertThat(cmp).containsKeys("rows", "verdict", "distilled_beats_baseline");
    }

    @Test
    void unlabeledImagesGetAalsPseudoLabels() throws IOException {
        Path unl = Files.createDirectories(tmp.resolve("unl"));
        Files.copy(folders.get(0).images().resolve("siteA_tb0.png"), unl.resolve("u0.png"));
        Files.copy(folders.get(0).images().resolve("siteA_n12.png"), unl.resolve("u1.png"));
        TrainingResult r = run(config("u").unlabeled(unl).epochs(1).build());
        assertThat(r.history()).hasSize(1);
        assertThat(Files.readString(tmp.resolve("u/split.csv"))).contains("u0.png,train,unlabeled");
    }

    @Test
    void teacherWhoseInputOrOutputsDoNotFitIsRefusedBeforeTraining() throws IOException {
        Path rgb = TinyOnnx.write(tmp.resolve("rgb.onnx"), TinyOnnx.model(3, 32, 8, "probability", "cam", null));
        assertThatThrownBy(() -> run(config("x").teacher(rgb).build()))
                .hasMessageContaining("rgb.onnx").hasMessageContaining("N×1×S×S");
        Path noCam = TinyOnnx.write(tmp.resolve("nocam.onnx"), TinyOnnx.model(1, 32, 8, "probability", "heat", null));
        assertThatThrownBy(() -> run(config("y").teacher(noCam).build()))
                .hasMessageContaining("lacks output 'cam'");
        assertThat(tmp.resolve("x/checkpoints")).doesNotExist();
        assertThat(tmp.resolve("y/checkpoints")).doesNotExist();
    }
}
