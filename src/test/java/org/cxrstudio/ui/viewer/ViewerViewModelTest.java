package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.WindowLevel;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** View-model behaviour without a toolkit: a synchronous executor and a fake loader. */
class ViewerViewModelTest {
    private final OpenedImage chest = TestImages.opened("chest.png", TestImages.ramp(64, 48, 12, Photometric.MONOCHROME2, 1, 0));

    private ViewerViewModel vm() {
        return new ViewerViewModel(p -> {
            if (p.toString().endsWith("bad.dcm")) {
                throw new ImageReadException(p + ": not a DICOM, PNG or JPEG file (unrecognised content)");
            }
            return chest;
        }, BackgroundExecutor.direct());
    }

    @Test
    void openShowsImageWithDefaultWindowAndFits() {
        ViewerViewModel vm = vm();
        vm.viewport().setViewSize(640, 480);
        List<OpenedImage> opened = new ArrayList<>();
        vm.addOnOpened(opened::add);
        vm.open(Path.of("chest.png"));
        assertThat(vm.display().image()).isSameAs(chest);
        assertThat(vm.display().window()).isEqualTo(chest.defaultWindow());
        assertThat(vm.viewport().scale()).isEqualTo(10.0);
        assertThat(vm.statusProperty().get()).contains("chest.png", "64×48");
        assertThat(vm.openingProperty().get()).isFalse();
        assertThat(opened).containsExactly(chest);
        assertThat(vm.display().presets()).extracting(WindowPreset::name).startsWith("Default").contains("Full range");
    }

    @Test
    void failedOpenKeepsPreviousImageAndReportsTheReason() {
        ViewerViewModel vm = vm();
        List<UserError> errors = new ArrayList<>();
        vm.addOnError(errors::add);
        vm.open(Path.of("chest.png"));
        vm.open(Path.of("bad.dcm"));
        assertThat(vm.display().image()).isSameAs(chest);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot open image");
            assertThat(e.message()).contains("bad.dcm", "not a DICOM");
        });
        vm.open(Path.of("bad.dcm"));
        assertThat(errors).hasSize(2); // each failure is reported, also a repeated one
    }

    @Test
    void fileVoiLutIsTheDefaultUntilTheUserPicksAWindow() {
        OpenedImage lutImage = TestImages.opened("lut.dcm", DisplayLutTest.withVoiLut(
                TestImages.ramp(32, 32, 12, Photometric.MONOCHROME2, 1, 0)));
        ImageViewModel d = new ImageViewModel();
        d.show(lutImage);
        assertThat(d.voiLutProperty().get()).isTrue();
        assertThat(d.windowText()).isEqualTo("VOI LUT");
        assertThat(d.presets().get(0).window()).isNull();
        d.dragWindow(10, 0);
        assertThat(d.voiLutProperty().get()).isFalse();
        assertThat(d.windowText()).startsWith("C ");
        d.resetWindow();
        assertThat(d.voiLutProperty().get()).isTrue();
        d.applyPreset(d.presets().get(1));
        assertThat(d.voiLutProperty().get()).isFalse();
        d.applyPreset(d.presets().get(0));
        assertThat(d.voiLutProperty().get()).isTrue();
        d.show(chest);
        assertThat(d.voiLutProperty().get()).isFalse();
    }

    @Test
    void windowDragPresetsResetAndReadout() {
        ViewerViewModel vm = vm();
        vm.open(Path.of("chest.png"));
        ImageViewModel d = vm.display();
        WindowLevel w0 = d.window();
        d.dragWindow(40, 0);
        assertThat(d.window().width()).isGreaterThan(w0.width());
        assertThat(d.window().center()).isEqualTo(w0.center());
        d.dragWindow(0, 20);
        assertThat(d.window().center()).isLessThan(w0.center());
        d.dragWindow(-1e9, 0);
        assertThat(d.window().width()).isEqualTo(1.0);
        d.invertProperty().set(true);
        d.resetWindow();
        assertThat(d.window()).isEqualTo(w0);
        assertThat(d.invertProperty().get()).isFalse();
        WindowPreset full = d.presets().stream().filter(p -> p.name().equals("Full range")).findFirst().orElseThrow();
        d.applyPreset(full);
        assertThat(d.window()).isEqualTo(chest.range().fullWindow(chest.image()));
        d.pointAt(3.7, 2.2);
        assertThat(d.readoutProperty().get()).isEqualTo("x 3  y 2  value " + chest.image().pixels()[2 * 64 + 3]);
        d.pointAt(64, 0);
        assertThat(d.readoutProperty().get()).isEmpty();
    }
}
