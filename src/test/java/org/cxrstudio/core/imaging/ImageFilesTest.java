package org.cxrstudio.core.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void namesMatchCaseInsensitively() {
        for (String n : List.of("a.dcm", "a.DCM", "a.dicom", "a.dic", "a.png", "a.PNG", "b.jpg", "b.JPEG", "x.y.Jpg")) {
            assertThat(ImageFiles.isImageName(n)).as(n).isTrue();
        }
        for (String n : List.of("a.txt", "a.csv", "png", "a.png.bak", "a.dcm.tmp", "a")) {
            assertThat(ImageFiles.isImageName(n)).as(n).isFalse();
        }
    }

    @Test
    void listTakesImageFilesOfTheFolderOnlySorted() throws IOException {
        touch("b.PNG");
        touch("a.dcm");
        touch("notes.txt");
        touch("noext");
        Files.createDirectories(dir.resolve("sub"));
        touch("sub/c.png");
        Files.createDirectories(dir.resolve("folder.png"));
        assertThat(ImageFiles.list(dir)).containsExactly(dir.resolve("a.dcm"), dir.resolve("b.PNG"));
    }

    @Test
    void expandWalksFoldersSkippingHiddenAndOtherFiles() throws IOException {
        touch("a.png");
        touch("IM0001");
        touch(".hidden.png");
        touch("notes.txt");
        touch("sub/c.jpeg");
        Path named = touch("other.txt");
        assertThat(ImageFiles.expand(List.of(dir.resolve("sub"), named))).containsExactly(dir.resolve("sub/c.jpeg"), named);
        // IM0001 has no ending and is not DICOM, PNG or JPEG by content (ImageFoldersTest has one that is)
        assertThat(ImageFiles.expand(List.of(dir))).containsExactlyInAnyOrder(dir.resolve("a.png"), dir.resolve("sub/c.jpeg"));
        assertThatThrownBy(() -> ImageFiles.expand(List.of(dir.resolve("none")))).hasMessageContaining("no such file");
    }

    @Test
    void globPatternsCoverBothCases() {
        assertThat(ImageFiles.globPatterns()).contains("*.dcm", "*.DCM", "*.jpeg", "*.JPEG").hasSize(2 * ImageFiles.EXTENSIONS.size());
    }

    private Path touch(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] {1});
    }
}
