package org.cxrstudio.core.training.onnx;

import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.training.data.Grids;
import org.cxrstudio.core.training.nn.ArchSpec;
import org.cxrstudio.core.training.nn.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EnsembleBuilderTest {
    @TempDir
    Path dir;

    private Path member(String file, int size, long seed) throws Exception {
        ArchSpec spec = Architectures.preset("student-xs", size);
        Path out = dir.resolve(file);
        OnnxExporter.exportRandom(spec, OnnxExporterTest.card(spec, "teacher"), out, seed);
        return out;
    }

    private static float[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void sameSizeMembersGiveExactlyTheMeanProbabilityAndCam() throws Exception {
        Path a = member("a.onnx", 32, 1);
        Path b = member("b.onnx", 32, 2);
        Path ens = dir.resolve("teacher.onnx");
        ModelCard card = EnsembleBuilder.build(List.of(a, b), ens, 0, "test");

        int n = 3;
        float[] x = gaussian(n * 32 * 32, 7);
        OrtSupport.Outputs oa = OrtSupport.run(a, x, n, 32);
        OrtSupport.Outputs ob = OrtSupport.run(b, x, n, 32);
        OrtSupport.Outputs oe = OrtSupport.run(ens, x, n, 32);
        double spread = 0;
        for (int i = 0; i < n; i++) {
            spread = Math.max(spread, Math.abs(oa.probability()[i] - ob.probability()[i]));
            assertThat(oe.probability()[i]).isCloseTo((oa.probability()[i] + ob.probability()[i]) / 2, within(1e-6f));
        }
        assertThat(spread).as("members must differ for the test to mean anything").isGreaterThan(1e-4);
        assertThat(oe.camShape()).containsExactly(oa.camShape());
        for (int i = 0; i < oe.cam().length; i++) {
            assertThat(oe.cam()[i]).isCloseTo((oa.cam()[i] + ob.cam()[i]) / 2, within(1e-5f));
        }

        // the card loads through TbModel (SHA-256 checked) and TbModel gives the mean probability
        assertThat(card.sha256()).isEqualTo(ModelFiles.sha256(ens));
        assertThat(card.role()).isEqualTo("teacher");
        assertThat(card.architecture()).isEqualTo("ensemble(student-xs@32, student-xs@32)");
        assertThat(card.threshold()).isEqualTo(0.5);
        GrayImage img = grayImage(80, 64, 11);
        try (TbModel te = TbModel.load(ens, DevicePreference.CPU);
             TbModel ta = TbModel.load(a, DevicePreference.CPU);
             TbModel tb = TbModel.load(b, DevicePreference.CPU)) {
            double pe = te.predictGray(img, PostProcessing.DEFAULT).tbProbability();
            double pa = ta.predictGray(img, PostProcessing.DEFAULT).tbProbability();
            double pb = tb.predictGray(img, PostProcessing.DEFAULT).tbProbability();
            assertThat(pe).isCloseTo((pa + pb) / 2, within(1e-5));
            assertThat(te.card().training().get("members")).asList().hasSize(2);
        }
    }

    @Test
    void mixedSizesResizeTheInputAndAverageCamsOnTheLargestGrid() throws Exception {
        Path a = member("a32.onnx", 32, 3);
        Path b = member("b48.onnx", 48, 4);
        Path ens = dir.resolve("mixed.onnx");
        Files.writeString(dir.resolve("split.csv"), "filename,split\nx.png,val\n"); // both members' run folder
        ModelCard card = EnsembleBuilder.build(List.of(a, b), ens, 0, null);
        assertThat(card.training().get("same_split")).isEqualTo(true);
        assertThat(card.preprocessing().inputSize()).isEqualTo(48);
        assertThat(card.architecture()).isEqualTo("ensemble(student-xs@32, student-xs@48)");

        int n = 2;
        float[] x = gaussian(n * 48 * 48, 9);
        float[] xa = new float[n * 32 * 32];
        for (int i = 0; i < n; i++) {
            float[] plane = new float[48 * 48];
            System.arraycopy(x, i * 48 * 48, plane, 0, plane.length);
            float[] r = zScore(bilinear(plane, 48, 32));
            System.arraycopy(r, 0, xa, i * 32 * 32, r.length);
        }
        OrtSupport.Outputs oa = OrtSupport.run(a, xa, n, 32);
        OrtSupport.Outputs ob = OrtSupport.run(b, x, n, 48);
        OrtSupport.Outputs oe = OrtSupport.run(ens, x, n, 48);
        int ga = (int) oa.camShape()[3];
        int gb = (int) ob.camShape()[3];
        assertThat(ga).isLessThan(gb);
        assertThat(oe.camShape()).containsExactly(n, 1, gb, gb);
        for (int i = 0; i < n; i++) {
            assertThat(oe.probability()[i]).isCloseTo((oa.probability()[i] + ob.probability()[i]) / 2, within(1e-5f));
            float[] camA = new float[ga * ga];
            System.arraycopy(oa.cam(), i * ga * ga, camA, 0, camA.length);
            float[] up = Grids.resize(camA, ga, ga, gb, gb);
            for (int j = 0; j < gb * gb; j++) {
                float expected = (up[j] + ob.cam()[i * gb * gb + j]) / 2;
                assertThat(oe.cam()[i * gb * gb + j]).isCloseTo(expected, within(1e-4f));
            }
        }
        try (TbModel te = TbModel.load(ens, DevicePreference.CPU)) {
            assertThat(te.inputSize()).isEqualTo(48);
        }
    }

    @Test
    void ensemblesNestAndThreeMembersAverageByThree() throws Exception {
        Path a = member("a.onnx", 32, 1);
        Path b = member("b.onnx", 32, 2);
        Path c = member("c.onnx", 32, 3);
        Path ab = dir.resolve("ab.onnx");
        EnsembleBuilder.build(List.of(a, b), ab, 0, null);
        Path nested = dir.resolve("nested.onnx");
        ModelCard card = EnsembleBuilder.build(List.of(ab, c), nested, 0, null);
        assertThat(card.architecture()).isEqualTo("ensemble(ensemble(student-xs@32, student-xs@32)@32, student-xs@32)");
        Path abc = dir.resolve("abc.onnx");
        EnsembleBuilder.build(List.of(a, b, c), abc, 0, null);

        float[] x = gaussian(32 * 32, 5);
        float pa = OrtSupport.run(a, x, 1, 32).probability()[0];
        float pb = OrtSupport.run(b, x, 1, 32).probability()[0];
        float pc = OrtSupport.run(c, x, 1, 32).probability()[0];
        assertThat(OrtSupport.run(nested, x, 1, 32).probability()[0]).isCloseTo(((pa + pb) / 2 + pc) / 2, within(1e-6f));
        assertThat(OrtSupport.run(abc, x, 1, 32).probability()[0]).isCloseTo((pa + pb + pc) / 3, within(1e-6f));
    }

    @Test
    void aMirroredEnsembleAlsoAveragesEachMemberOnTheMirroredInputWithItsCamMirroredBack() throws Exception {
        Path a = member("a.onnx", 32, 1);
        Path b = member("b.onnx", 32, 2);
        Path ens = dir.resolve("mirrored.onnx");
        ModelCard card = EnsembleBuilder.build(List.of(a, b), ens, 0, true, null);
        assertThat(card.architecture()).isEqualTo("ensemble(student-xs@32, student-xs@32; mirrored)");
        assertThat(card.training().get("mirrored")).isEqualTo(true);

        int n = 2;
        float[] x = gaussian(n * 32 * 32, 13);
        float[] xm = mirror(x, n, 32);
        OrtSupport.Outputs oe = OrtSupport.run(ens, x, n, 32);
        // four terms: each member on the input, and on the mirrored input with its CAM mirrored back
        List<float[]> probabilities = new java.util.ArrayList<>();
        List<float[]> cams = new java.util.ArrayList<>();
        int grid = (int) oe.camShape()[3];
        for (Path member : List.of(a, b)) {
            OrtSupport.Outputs direct = OrtSupport.run(member, x, n, 32);
            OrtSupport.Outputs mirrored = OrtSupport.run(member, xm, n, 32);
            assertThat(mirrored.probability()).as("a member must see the mirrored input differently for the test to mean anything")
                    .isNotEqualTo(direct.probability());
            probabilities.add(direct.probability());
            probabilities.add(mirrored.probability());
            cams.add(direct.cam());
            cams.add(mirror(mirrored.cam(), n, grid));
        }
        float[] p = mean(probabilities);
        for (int i = 0; i < n; i++) {
            assertThat(oe.probability()[i]).isCloseTo(p[i], within(1e-6f));
        }
        float[] cam = mean(cams);
        for (int j = 0; j < cam.length; j++) {
            assertThat(oe.cam()[j]).isCloseTo(cam[j], within(1e-5f));
        }
    }

    private static float[] mean(List<float[]> xs) {
        float[] m = new float[xs.get(0).length];
        for (float[] x : xs) {
            for (int i = 0; i < m.length; i++) {
                m[i] += x[i] / xs.size();
            }
        }
        return m;
    }

    /** n square planes of side s, each mirrored left-right. */
    private static float[] mirror(float[] x, int n, int s) {
        float[] m = new float[x.length];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < s; y++) {
                for (int c = 0; c < s; c++) {
                    m[(i * s + y) * s + c] = x[(i * s + y) * s + (s - 1 - c)];
                }
            }
        }
        return m;
    }

    @Test
    void sameSplitFromTheCardsWhenNoSplitFileIsBeside() throws Exception {
        ArchSpec spec = Architectures.preset("student-xs", 32);
        Path a = withSplit("runA/model.onnx", spec, 42, 1);
        Path b = withSplit("runB/model.onnx", spec, 42, 2);
        Path c = withSplit("runC/model.onnx", spec, 7, 3);
        assertThat(EnsembleBuilder.build(List.of(a, b), dir.resolve("ab.onnx"), 0, null).training().get("same_split"))
                .isEqualTo(true);
        assertThat(EnsembleBuilder.build(List.of(a, c), dir.resolve("ac.onnx"), 0, null).training().get("same_split"))
                .isEqualTo(false);
    }

    private Path withSplit(String file, ArchSpec spec, int seed, long init) throws Exception {
        ModelCard card = new ModelCard("m", "0", spec.name(), "teacher", Preprocessing.perImage(spec.inputSize()), List.of("tb"),
                0.5, ModelCard.DEFAULT_PROBABILITY_OUTPUT, ModelCard.DEFAULT_CAM_OUTPUT,
                java.util.Map.of("seed", seed, "split", "20% validation, seed " + seed), null, "");
        Path out = dir.resolve(file);
        Files.createDirectories(out.getParent());
        OnnxExporter.exportRandom(spec, card, out, init);
        return out;
    }

    @Test
    void badMembersGiveOneLineErrorsNamingTheFile() throws Exception {
        Path a = member("a.onnx", 32, 1);
        Path out = dir.resolve("t.onnx");
        assertThatThrownBy(() -> EnsembleBuilder.build(List.of(a), out, 0, null))
                .hasMessageContaining("at least two");

        Path noCard = member("nocard.onnx", 32, 2);
        Files.delete(OnnxFiles.sidecarOf(noCard));
        assertThatThrownBy(() -> EnsembleBuilder.build(List.of(a, noCard), out, 0, null))
                .hasMessageContaining("nocard.onnx").hasMessageContaining("no model card");

        ArchSpec spec = Architectures.preset("student-xs", 32);
        ModelCard fixed = new ModelCard("f", "0", spec.name(), "teacher", new Preprocessing(32, Preprocessing.FIXED, 0.5, 0.25),
                List.of("tb"), 0.5, ModelCard.DEFAULT_PROBABILITY_OUTPUT, ModelCard.DEFAULT_CAM_OUTPUT, null, null, "");
        Path f = dir.resolve("fixed.onnx");
        OnnxExporter.exportRandom(spec, fixed, f, 3);
        assertThatThrownBy(() -> EnsembleBuilder.build(List.of(a, f), out, 0, null))
                .hasMessageContaining("fixed.onnx").hasMessageContaining("normalisation");

        Path junk = dir.resolve("junk.onnx");
        Files.write(junk, "this is not a model".getBytes());
        Files.copy(OnnxFiles.sidecarOf(a), OnnxFiles.sidecarOf(junk));
        assertThatThrownBy(() -> EnsembleBuilder.build(List.of(a, junk), out, 0, null))
                .hasMessageContaining("junk.onnx").hasMessageContaining("not an ONNX model");

        Files.write(dir.resolve("b.onnx"), Files.readAllBytes(a)); // same bytes, but paired with another card
        Path b = dir.resolve("b.onnx");
        Files.copy(OnnxFiles.sidecarOf(f), OnnxFiles.sidecarOf(b));
        assertThatThrownBy(() -> EnsembleBuilder.build(List.of(a, b), out, 0, null))
                .hasMessageContaining("b.onnx").hasMessageContaining("SHA-256");
        assertThat(out).doesNotExist();
    }

    @Test
    void mixedCropsAreRefusedAndASharedCropIsKept() throws Exception {
        ArchSpec spec = Architectures.preset("student-xs", 32);
        Path a = member("a.onnx", 32, 1);
        Path c1 = cropped(spec, "c1.onnx", 2);
        Path c2 = cropped(spec, "c2.onnx", 3);
        Path out = dir.resolve("t.onnx");
        assertThatThrownBy(() -> EnsembleBuilder.build(List.of(a, c1), out, 0, null))
                .hasMessageContaining("c1.onnx").hasMessageContaining("crop border");
        assertThat(out).doesNotExist();
        ModelCard card = EnsembleBuilder.build(List.of(c1, c2), out, 0, null);
        assertThat(card.preprocessing().crop()).isEqualTo("border");
    }

    private Path cropped(ArchSpec spec, String file, long seed) throws Exception {
        ModelCard base = OnnxExporterTest.card(spec, "teacher");
        ModelCard c = new ModelCard(base.name(), base.version(), base.architecture(), base.role(),
                base.preprocessing().withCrop("border"), base.classes(), base.threshold(), base.probabilityOutput(),
                base.camOutput(), base.training(), base.validation(), "");
        Path out = dir.resolve(file);
        OnnxExporter.exportRandom(spec, c, out, seed);
        return out;
    }

    /** ONNX Resize linear, half_pixel, clamped at the border (ONNX Runtime's, without antialiasing). */
    private static float[] bilinear(float[] src, int in, int out) {
        float[] r = new float[out * out];
        double scale = (double) in / out;
        for (int oy = 0; oy < out; oy++) {
            double y = Math.max(0, Math.min(in - 1, (oy + 0.5) * scale - 0.5));
            int y0 = (int) y;
            int y1 = Math.min(y0 + 1, in - 1);
            double fy = y - y0;
            for (int ox = 0; ox < out; ox++) {
                double x = Math.max(0, Math.min(in - 1, (ox + 0.5) * scale - 0.5));
                int x0 = (int) x;
                int x1 = Math.min(x0 + 1, in - 1);
                double fx = x - x0;
                double top = src[y0 * in + x0] * (1 - fx) + src[y0 * in + x1] * fx;
                double bot = src[y1 * in + x0] * (1 - fx) + src[y1 * in + x1] * fx;
                r[oy * out + ox] = (float) (top * (1 - fy) + bot * fy);
            }
        }
        return r;
    }

    private static float[] zScore(float[] v) {
        double m = 0;
        for (float f : v) {
            m += f;
        }
        m /= v.length;
        double var = 0;
        for (float f : v) {
            var += (f - m) * (f - m);
        }
        double sd = Math.max(Math.sqrt(var / v.length), 1e-3);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - m) / sd);
        }
        return out;
    }

    private static GrayImage grayImage(int w, int h, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (40 + (i % w) + r.nextInt(60));
        }
        return new GrayImage(w, h, px);
    }
}
