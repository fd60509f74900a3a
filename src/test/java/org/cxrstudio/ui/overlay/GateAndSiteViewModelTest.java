package org.cxrstudio.ui.overlay;

import org.cxrstudio.core.eval.OperatingPoint;
import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.eval.Wilson;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.screening.TestInputs;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.cxrstudio.ui.viewer.TestImages;
import org.cxrstudio.ui.viewer.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model slot with the input gate (refusal banner, "Score anyway") and a site threshold; synchronous executor. */
class GateAndSiteViewModelTest {
    @TempDir
    Path dir;
    private final List<UserError> errors = new ArrayList<>();
    private final FakeModels models = new FakeModels(0.66, 0.33);
    private final ModelSlotViewModel slot = new ModelSlotViewModel("Student", models, BackgroundExecutor.direct(), errors::add);

    private OpenedImage ct() throws IOException {
        return TestImages.opened("ct.dcm", RadiographReader.read(TestInputs.ctDicom(dir.resolve("ct.dcm"), 256)));
    }

    @Test
    void refusedImageShowsTheBannerAndNoResultUntilScoredAnyway() throws IOException {
        slot.load(Path.of("student.onnx"));
        slot.imageChanged(ct());
        assertThat(slot.refusalProperty().get()).isNotNull();
        assertThat(slot.bannerText()).isEqualTo("Not a frontal chest X-ray: CT is not a chest radiograph");
        assertThat(slot.predictionProperty().get()).as("no heatmap, boxes or score").isNull();
        assertThat(slot.score()).isNull();
        assertThat(slot.positiveProperty().get()).isFalse();
        assertThat(slot.scoreText()).isEqualTo("Not scored (see the banner)");
        assertThat(models.predictions.get()).isZero();

        slot.scoreAnyway();
        assertThat(slot.predictionProperty().get()).isNotNull();
        assertThat(slot.predictionProperty().get().heatmap()).isNotNull();
        assertThat(slot.refusalProperty().get()).isNull();
        assertThat(slot.bannerText()).isNull();
        assertThat(slot.scoredAnywayProperty().get()).isTrue();
        assertThat(slot.scoreText()).isEqualTo("TB suspected · TB score 60, above the threshold 50");

        OpenedImage film = TestImages.opened("a.png", TestImages.ramp(64, 64, 8, Photometric.MONOCHROME2, 1, 0));
        slot.imageChanged(film); // the next image is checked again
        assertThat(slot.scoredAnywayProperty().get()).isFalse();
        assertThat(slot.refusalProperty().get()).isNull();
        assertThat(slot.predictionProperty().get()).isNotNull();
        assertThat(errors).isEmpty();
    }

    private static SiteProfile site(String modelFile, double threshold) {
        return new SiteProfile("Clinic X", "2026-12-02", "student", FakeModels.sha(modelFile), threshold, 0.9,
                new OperatingPoint(threshold, 9, 3, 7, 1), Wilson.interval95(9, 10), Wilson.interval95(7, 10), 0, "");
    }

    @Test
    void siteProfileSetsTheThresholdAndIsShownAndOneForAnotherModelIsRefused() {
        slot.load(Path.of("student.onnx"));
        slot.imageChanged(TestImages.opened("a.png", TestImages.ramp(64, 64, 8, Photometric.MONOCHROME2, 1, 0)));
        slot.useSite(site("student.onnx", 0.65));
        assertThat(slot.thresholdProperty().get()).isEqualTo(0.65);
        assertThat(slot.siteText()).isEqualTo("Site threshold: Clinic X (2026-12-02)");
        assertThat(slot.scoreText()).isEqualTo("No TB signs · TB score 60, below this clinic's threshold 65");

        slot.useSite(site("teacher.onnx", 0.4));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).contains("was made for model"));
        assertThat(slot.siteProperty().get()).isNull();
        assertThat(slot.thresholdProperty().get()).isEqualTo(0.5);
        assertThat(slot.siteText()).isEmpty();

        slot.useSite(site("teacher.onnx", 0.4));
        errors.clear();
        slot.load(Path.of("teacher.onnx")); // the remembered profile fits the newly loaded model
        assertThat(slot.siteProperty().get()).isNotNull();
        assertThat(slot.thresholdProperty().get()).isEqualTo(0.4);
        slot.useSite(null);
        assertThat(slot.thresholdProperty().get()).isEqualTo(0.5);
        assertThat(errors).isEmpty();
    }
}
