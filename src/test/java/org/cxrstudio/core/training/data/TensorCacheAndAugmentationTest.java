package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TensorCacheAndAugmentationTest {
    @TempDir
    Path tmp;

    @Test
    void cacheHoldsTheResizedDisplayImageAndIsReused() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 48, 1);
        List<Path> files = TrainingData.load(List.of(f), null).stream().map(Sample::file).toList();
        TensorCache c = TensorCache.open(tmp.resolve("cache"), files, 32, ProgressListener.NONE, CancellationToken.NONE);
        float[] expected = ModelInput.resize(DisplayPipeline.render(RadiographReader.read(files.get(2)), null, false), 32);
        float[] got = new float[32 * 32];
        c.read(2, got);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).isCloseTo(expected[i], within(0.5f));
        }
        assertThat(c.originalWidth(2)).isEqualTo(48);
        long built = Files.getLastModifiedTime(cacheFile()).toMillis();
        TensorCache.open(tmp.resolve("cache"), files, 32, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(Files.getLastModifiedTime(cacheFile()).toMillis()).isEqualTo(built);
        Files.setLastModifiedTime(files.get(0), FileTime.fromMillis(built - 100_000)); // data changed -> new key
        TensorCache.open(tmp.resolve("cache"), files, 32, ProgressListener.NONE, CancellationToken.NONE);
        try (var s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".u8")).count()).isEqualTo(2);
        }
    }

    private Path cacheFile() throws IOException {
        try (var s = Files.list(tmp.resolve("cache"))) {
            return s.filter(p -> p.toString().endsWith(".u8")).findFirst().orElseThrow();
        }
    }

    @Test
    void unreadableImageIsNamedAndNoCacheIsLeft() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 1, 1, 32, 1);
        Path bad = f.images().resolve("s_n1.png");
        Files.writeString(bad, "not a png");
        List<Path> files = List.of(f.images().resolve("s_tb0.png"), bad);
        assertThatThrownBy(() -> TensorCache.open(tmp.resolve("cache"), files, 32, ProgressListener.NONE,
                CancellationToken.NONE)).isInstanceOf(ImageReadException.class).hasMessageContaining("s_n1.png");
        try (var s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void normalizationMatchesModelInput() {
        byte[] px = new byte[40 * 40];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7 % 251);
        }
        GrayImage g = new GrayImage(40, 40, px);
        for (Preprocessing p : List.of(Preprocessing.perImage(40), new Preprocessing(40, Preprocessing.FIXED, 0.5, 0.25))) {
            float[] mine = ModelInput.resize(g, 40);
            Normalization.apply(mine, p);
            assertThat(mine).containsExactly(ModelInput.prepare(g, p), within(1e-5f));
        }
    }

    @Test
    void identityAugmentationChangesNothingAndShiftMovesContent() {
        float[] img = new float[16 * 16];
        img[5 * 16 + 5] = 255;
        assertThat(Augmentation.NONE.applyToImage(img, 16)).containsExactly(img);
        // shift by +4/16 in x: the bright pixel moves 4 cells right
        float[] moved = new Augmentation(0, 1, 0.25, 0, 1).warp(img, 16, 16);
        assertThat(moved[5 * 16 + 9]).isCloseTo(255f, within(1e-3f));
        assertThat(moved[5 * 16 + 5]).isCloseTo(0f, within(1e-3f));
    }

    @Test
    void sameAugmentationWarpsCoarseGridConsistently() {
        // a 90 degree rotation maps the top-left quadrant to the bottom-left (counter-clockwise in image coords)
        Augmentation rot = new Augmentation(90, 1, 0, 0, 1);
        float[] fine = new float[8 * 8];
        float[] coarse = new float[2 * 2];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                fine[y * 8 + x] = 1;
            }
        }
        coarse[0] = 1;
        float[] f = rot.warp(fine, 8, 8);
        float[] c = rot.warp(coarse, 2, 2);
        int hotCell = -1;
        for (int i = 0; i < 4; i++) {
            if (c[i] > 0.99f) {
                hotCell = i;
            }
        }
        assertThat(hotCell).isNotEqualTo(-1).isNotEqualTo(0);
        int cx = hotCell % 2;
        int cy = hotCell / 2;
        assertThat(f[(cy * 4 + 2) * 8 + cx * 4 + 2]).isCloseTo(1f, within(1e-3f));
    }
}
