package org.cxrstudio.ui.shell;

import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.TestImages;
import org.cxrstudio.ui.viewer.UserError;
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
        FolderViewModel f = new FolderViewModel(viewer, BackgroundExecutor.direct(), null);
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
    void thumbnailsAreRenderedOnceWithTheDefaultDisplayAndCached() {
        List<Path> reads = new ArrayList<>();
        org.cxrstudio.ui.viewer.ImageLoader loader = p -> {
            reads.add(p);
            if (p.toString().endsWith("bad.dcm")) {
                throw new java.io.IOException(p + ": corrupt");
            }
            return TestImages.opened(p.toString(), TestImages.ramp(300, 150, 12, Photometric.MONOCHROME1, 1, 0));
        };
        ViewerViewModel viewer = new ViewerViewModel(loader, BackgroundExecutor.direct());
        FolderViewModel f = new FolderViewModel(viewer, BackgroundExecutor.direct(), loader);
        List<UserError> errors = new ArrayList<>();
        viewer.addOnError(errors::add);
        List<Thumbnail> got = new ArrayList<>();
        f.thumbnail(Path.of("a.dcm"), got::add);
        f.thumbnail(Path.of("a.dcm"), got::add);
        f.thumbnail(Path.of("bad.dcm"), got::add);
        assertThat(reads).containsExactly(Path.of("a.dcm"), Path.of("bad.dcm"));
        assertThat(got).hasSize(2).allSatisfy(t -> {
            assertThat(t.width()).isEqualTo(FolderViewModel.THUMBNAIL_SIDE);
            assertThat(t.height()).isEqualTo(FolderViewModel.THUMBNAIL_SIDE / 2);
        });
        assertThat(got.get(0)).isSameAs(got.get(1));
        assertThat(errors).isEmpty();
        // MONOCHROME1 ramp: dark stored values (top left) are shown bright
        Thumbnail t = got.get(0);
        assertThat(t.argb()[0] & 0xFF).isGreaterThan(t.argb()[t.argb().length - 1] & 0xFF);
    }

    @Test
    void uniformImageGivesUniformThumbnail() {
        int[] px = new int[40 * 20];
        java.util.Arrays.fill(px, 100);
        var r = new org.cxrstudio.core.imaging.Radiograph(40, 20, px, 8, 8, false, Photometric.MONOCHROME2, 1, 0,
                List.of(), java.util.Optional.empty(), java.util.Optional.empty(), "", "test", java.util.Map.of(), java.util.Map.of());
        Thumbnail t = Thumbnail.of(TestImages.opened("u.png", r), 10);
        assertThat(t.width()).isEqualTo(10);
        assertThat(t.height()).isEqualTo(5);
        assertThat(t.argb()).containsOnly(t.argb()[0]);
    }

    @Test
    void emptyOrMissingFolderIsReported() {
        ViewerViewModel viewer = new ViewerViewModel(p -> null, BackgroundExecutor.direct());
        FolderViewModel f = new FolderViewModel(viewer, BackgroundExecutor.direct(), null);
        List<UserError> errors = new ArrayList<>();
        viewer.addOnError(errors::add);
        f.openFolder(dir, true);
        f.openFolder(dir.resolve("missing"), true);
        assertThat(errors).extracting(UserError::title).containsExactly("No images in folder", "Cannot open folder");
        assertThat(errors.get(1).message()).contains("missing");
    }
}
