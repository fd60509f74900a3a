package org.cxrstudio.ui.shell;

import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.TestImages;
import org.cxrstudio.ui.viewer.ViewerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FolderViewModelTest {
    @TempDir
    Path dir;

    @Test
    void listsImagesSortedAndStepsThroughThem() throws Exception {
        for (String n : List.of("b.dcm", "a.png", "c.JPG", "notes.txt")) {
            Files.writeString(dir.resolve(n), "x");
        }
        Files.createDirectory(dir.resolve("sub.png"));
        List<Path> opened = new ArrayList<>();
        ViewerViewModel viewer = new ViewerViewModel(p -> {
            opened.add(p);
            return TestImages.opened(p.toString(), TestImages.ramp(8, 8, 8, Photometric.MONOCHROME2, 1, 0));
        }, BackgroundExecutor.direct());
        FolderViewModel f = new FolderViewModel(viewer, BackgroundExecutor.direct());
        f.openFolder(dir, true);
        assertThat(f.files()).extracting(p -> p.getFileName().toString()).containsExactly("a.png", "b.dcm", "c.JPG");
        assertThat(opened).containsExactly(dir.resolve("a.png"));
        assertThat(f.previous()).isFalse();
        assertThat(f.next()).isTrue();
        assertThat(f.next()).isTrue();
        assertThat(f.next()).isFalse();
        assertThat(opened).extracting(p -> p.getFileName().toString()).containsExactly("a.png", "b.dcm", "c.JPG");
        f.previous();
        assertThat(f.selectedProperty().get()).isEqualTo(1);
    }

    @Test
    void emptyOrMissingFolderIsReported() {
        ViewerViewModel viewer = new ViewerViewModel(p -> null, BackgroundExecutor.direct());
        FolderViewModel f = new FolderViewModel(viewer, BackgroundExecutor.direct());
        f.openFolder(dir, true);
        assertThat(viewer.errorProperty().get().title()).isEqualTo("No images in folder");
        f.openFolder(dir.resolve("missing"), true);
        assertThat(viewer.errorProperty().get().title()).isEqualTo("Cannot open folder");
        assertThat(viewer.errorProperty().get().message()).contains("missing");
    }
}
