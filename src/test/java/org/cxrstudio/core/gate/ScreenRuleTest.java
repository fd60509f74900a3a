package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.Test;

/** The screenshot rule on synthetic pictures whose flat runs are known. */
class ScreenRuleTest {
    private static final int W = 400;
    private static final int H = 300;

    /** A noisy film-like picture: no two neighbours are reliably equal. */
    private static int[] noisy(long seed) {
        Random rnd = new Random(seed);
        int[] px = new int[W * H];
        for (int i = 0; i < px.length; i++) {
            px[i] = 40 + rnd.nextInt(180);
        }
        return px;
    }

    private static void fill(int[] px, int x0, int y0, int x1, int y1, int value) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                px[y * W + x] = value;
            }
        }
    }

    private static GrayImage gray(int[] px) {
        byte[] b = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            b[i] = (byte) px[i];
        }
        return new GrayImage(W, H, b);
    }

    @Test
    void aPanelAndAToolbarAroundAFilmAreMeasuredAsTheirShareOfRowsAndColumns() {
        int[] px = noisy(1);
        fill(px, 300, 0, 400, 300, 244);   // side panel: 100 of 400 columns, every row holds 100 = 25 % of the width
        fill(px, 0, 0, 300, 30, 240);      // toolbar: 30 rows; its columns are 30 px high, below 25 % of 300
        Map<String, Double> m = new HashMap<>();
        Optional<GateDecision> d = ScreenRule.check(gray(px), m);
        assertThat(m.get("flat_light_rows")).isEqualTo(1.0);
        assertThat(m.get("flat_light_columns")).isEqualTo(100.0 / W);
        assertThat(d).isPresent();
        assertThat(d.get().reason()).contains(RefusalReason.NOT_CHEST_FILM);
        assertThat(d.get().message()).startsWith("Looks like a screenshot or a document");
    }

    @Test
    void aNoisyFilmAndFlatRunsOnlyOneWayPass() {
        Map<String, Double> m = new HashMap<>();
        assertThat(ScreenRule.check(gray(noisy(2)), m)).isEmpty();
        assertThat(m.get("flat_light_rows")).isZero();
        assertThat(m.get("flat_light_columns")).isZero();

        int[] band = noisy(3);
        fill(band, 0, 270, 400, 300, 250); // a light band across the bottom: rows only (as an over-exposed abdomen)
        assertThat(ScreenRule.check(gray(band), m)).isEmpty();
        assertThat(m.get("flat_light_rows")).isEqualTo(30.0 / H);
        assertThat(m.get("flat_light_columns")).isZero();
    }

    @Test
    void saturatedWhiteAndDarkFramesAreNotScreens() {
        for (int value : new int[] {255, 0, 60}) {
            int[] px = noisy(4);
            fill(px, 0, 0, 400, 40, value);   // frame all round: shutters and backgrounds of films
            fill(px, 0, 260, 400, 300, value);
            fill(px, 0, 0, 60, 300, value);
            fill(px, 340, 0, 400, 300, value);
            Map<String, Double> m = new HashMap<>();
            assertThat(ScreenRule.check(gray(px), m)).as("frame of %d", value).isEmpty();
            assertThat(m.get("flat_light_columns")).isZero();
        }
    }

    @Test
    void aRunMustBeOneGreyValue() {
        int[] px = noisy(5);
        for (int y = 0; y < H; y++) {
            for (int x = 300; x < W; x++) {
                px[y * W + x] = 200 + ((x + y) & 1);   // a light panel dithered between two values
            }
        }
        Map<String, Double> m = new HashMap<>();
        assertThat(ScreenRule.check(gray(px), m)).isEmpty();
        assertThat(m.get("flat_light_rows")).isZero();
    }

    @Test
    void theGateRefusesAGreyScreenshotBeforeScoringAndSaysWhy() {
        int[] px = noisy(6);
        fill(px, 300, 0, 400, 300, 244);
        fill(px, 0, 0, 400, 25, 236);
        fill(px, 5, 5, 40, 20, 30);        // a dark button on the toolbar
        Radiograph r = new Radiograph(W, H, px, 8, 8, false, Photometric.MONOCHROME2, 1, 0, List.of(), Optional.empty(),
                Optional.empty(), "", "PNG", Map.of(), Map.of());
        GateDecision d = InputGate.headerRulesOnly().check(r);
        assertThat(d.accepted()).isFalse();
        assertThat(d.message()).contains("screenshot");
        assertThat(d.measures()).containsKeys("flat_light_rows", "flat_light_columns");
    }

    @Test
    void noSameSourceFilmLooksLikeAScreen() throws Exception {
        Path dir = Path.of("../shared/data/tbx11k-extra/images");   // Montgomery's flat over-exposed films among them
        assumeTrue(Files.isDirectory(dir), "../shared/data absent: films not checked against the screenshot rule");
        List<Path> films;
        try (Stream<Path> s = Files.list(dir)) {
            films = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(films).hasSizeGreaterThan(200);
        for (Path f : films) {
            Radiograph r = RadiographReader.read(f);
            Map<String, Double> m = new HashMap<>();
            assertThat(ScreenRule.check(r, DisplayPipeline.render(r, null, false), m)).as(f.toString()).isEmpty();
            assertThat(m.get("flat_light_columns")).as(f.toString()).isZero();
        }
    }
}
