package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CropCacheTest {
    @TempDir
    Path tmp;

    @Test
    void cropIsPartOfTheKeyAndTheCachedPlanesAreCropped() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 48, 1);
        List<Path> files = TrainingData.load(List.of(f), null).stream().map(Sample::file).toList();
        assertThat(TensorCache.key(files, 32, "border")).isNotEqualTo(TensorCache.key(files, 32, "none"));

        TensorCache none = TensorCache.open(tmp.resolve("c"), files, 32, ProgressListener.NONE, CancellationToken.NONE);
        TensorCache border = TensorCache.open(tmp.resolve("c"), files, 32, "border", ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(border.crop()).isEqualTo("border");
        try (var s = Files.list(tmp.resolve("c"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".u8")).count()).isEqualTo(2);
        }
        var gray = DisplayPipeline.render(RadiographReader.read(files.get(1)), null, false);
        float[] expected = ModelInput.cropAndResize(gray, Preprocessing.perImage(32).withCrop("border"));
        float[] got = new float[32 * 32];
        float[] whole = new float[32 * 32];
        border.read(1, got);
        none.read(1, whole);
        double diff = 0;
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).isCloseTo(expected[i], within(0.5f));
            diff += Math.abs(got[i] - whole[i]);
        }
        assertThat(diff).isPositive();
        assertThat(border.originalWidth(1)).isEqualTo(48); // heatmaps map to the original image
    }

    @Test
    void trainingConfigCarriesTheCropIntoTheCard() {
        var b = org.cxrstudio.core.training.TrainingConfig.builder()
                .labeled(List.of(new LabeledFolder(tmp, tmp.resolve("l.csv")))).out(tmp.resolve("o")).inputSize(64);
        assertThat(b.build().preprocessing().crop()).isEqualTo("none");
        assertThat(b.crop("border").build().preprocessing()).isEqualTo(Preprocessing.perImage(64).withCrop("border"));
        assertThat(b.normalization("fixed").build().preprocessing())
                .isEqualTo(new Preprocessing(64, "fixed", 0.5, 0.25, "border"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.crop("lung").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--crop");
    }

    @Test
    void recropMovesATeacherCamOntoTheStudentsCrop() {
        // teacher saw the whole image on a 10x10 grid, value = its column index
        float[] t = new float[100];
        for (int i = 0; i < 100; i++) {
            t[i] = i % 10;
        }
        assertThat(Grids.recrop(t, 10, 10, 0.08, 5, 5, 0.08)).containsExactly(Grids.resize(t, 10, 10, 5, 5));
        // the student's 4 columns cover 0.08..0.92 of the width: centres at 0.185, 0.395, 0.605, 0.815
        float[] s = Grids.recrop(t, 10, 10, 0, 4, 4, 0.08);
        assertThat(s[0]).isCloseTo(1.35f, within(1e-4f));   // 0.185 * 10 - 0.5
        assertThat(s[1]).isCloseTo(3.45f, within(1e-4f));
        assertThat(s[3]).isCloseTo(7.65f, within(1e-4f));
        assertThat(s[15]).isCloseTo(7.65f, within(1e-4f));
    }
}
