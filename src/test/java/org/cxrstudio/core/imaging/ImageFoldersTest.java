package org.cxrstudio.core.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which files a folder argument expands to. */
class ImageFoldersTest {
    @TempDir
    Path dir;

    @Test
    void foldersGiveImageNamesAndExtensionlessFilesWithImageContent() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(Path.of("sample-images/chest-phantom-mono2-16bit.dcm"), dir.resolve("sub/IM0001"));
        Files.writeString(dir.resolve("LICENSE"), "Apache License\nVersion 2.0\n");
        Files.writeString(dir.resolve("README.md"), "# films\n");
        Files.write(dir.resolve("a.png"), new byte[] {1, 2, 3}); // a name is enough: the reader reports bad content
        Files.write(dir.resolve(".hidden.png"), new byte[] {1});
        Files.write(dir.resolve("empty"), new byte[0]);

        assertThat(ImageFiles.expand(List.of(dir))).containsExactly(dir.resolve("a.png"), dir.resolve("sub/IM0001"));
        // a file named on the command line is always taken: its content decides
        assertThat(ImageFiles.expand(List.of(dir.resolve("LICENSE")))).containsExactly(dir.resolve("LICENSE"));
    }

    @Test
    void aFolderWithoutImagesIsAnError() throws IOException {
        Files.writeString(dir.resolve("notes"), "no films here");
        assertThatThrownBy(() -> ImageFiles.expand(List.of(dir))).hasMessageContaining("no image files");
        assertThatThrownBy(() -> ImageFiles.expand(List.of(dir.resolve("missing")))).hasMessageContaining("no such file");
    }
}
