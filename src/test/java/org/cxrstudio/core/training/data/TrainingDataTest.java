package org.cxrstudio.core.training.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingDataTest {
    @TempDir
    Path tmp;

    @Test
    void loadsLabelsBoxesSourcesAndUnlabeled() throws IOException {
        LabeledFolder a = SyntheticData.write(tmp.resolve("a"), "da_db_png", 2, 3, 32, 1);
        Path unl = Files.createDirectories(tmp.resolve("unl"));
        Files.copy(a.images().resolve("da_db_png_n2.png"), unl.resolve("u1.png"));
        List<Sample> s = TrainingData.load(List.of(a), unl);
        assertThat(s).hasSize(6);
        assertThat(s.get(0).positive()).isTrue();
        assertThat(s.get(0).boxes()).hasSize(1);
        assertThat(s.get(0).source()).isEqualTo("da_db"); // documented mapping
        assertThat(s.get(4).positive()).isFalse();
        assertThat(s.get(5).labeled()).isFalse();
        assertThat(s.get(5).source()).isEqualTo(Sample.UNLABELED);
    }

    @Test
    void sourceFallsBackToFolderName() throws IOException {
        LabeledFolder a = SyntheticData.write(tmp.resolve("nih-like"), "x", 1, 1, 32, 1);
        Path csv = tmp.resolve("nih-like/labels.csv");
        Files.writeString(csv, "filename,label\nx_tb0.png,tb\nx_n1.png,no_finding\n");
        List<Sample> s = TrainingData.load(List.of(new LabeledFolder(a.images(), csv)), null);
        assertThat(s).extracting(Sample::source).containsOnly("nih-like");
        assertThat(s).extracting(Sample::positive).containsExactly(true, false);
    }

    @Test
    void csvNamingUnknownFilesIsAClearError() throws IOException {
        LabeledFolder a = SyntheticData.write(tmp.resolve("a"), "s", 1, 1, 32, 1);
        Files.writeString(a.labels(), "filename,label\ns_tb0.png,tb\nghost.png,normal\n");
        assertThatThrownBy(() -> TrainingData.load(List.of(a), null))
                .isInstanceOf(IOException.class).hasMessageContaining("ghost.png").hasMessageContaining("not in");
    }

    @Test
    void emptyOrMissingFolderIsAClearError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path csv = Files.writeString(tmp.resolve("l.csv"), "filename,label\n");
        assertThatThrownBy(() -> TrainingData.load(List.of(new LabeledFolder(empty, csv)), null))
                .hasMessageContaining("holds no PNG");
        assertThatThrownBy(() -> TrainingData.load(List.of(new LabeledFolder(tmp.resolve("nope"), csv)), null))
                .hasMessageContaining("image folder not found");
        assertThatThrownBy(() -> TrainingData.load(List.of(), empty)).hasMessageContaining("holds no PNG");
        assertThatThrownBy(() -> TrainingData.load(List.of(new LabeledFolder(csv, csv)), null))
                .hasMessage(csv + ": is a file, not an image folder");
    }

    @Test
    void duplicateFileNamesAcrossFoldersAreRejected() throws IOException {
        LabeledFolder a = SyntheticData.write(tmp.resolve("a"), "s", 1, 1, 32, 1);
        LabeledFolder b = SyntheticData.write(tmp.resolve("b"), "s", 1, 1, 32, 2);
        assertThatThrownBy(() -> TrainingData.load(List.of(a, b), null)).hasMessageContaining("occurs in both");
    }
}
