package org.cxrstudio.ui.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFilesTest {

    @Test
    void newestFirstWithoutDuplicatesAndBounded() {
        List<List<Path>> saved = new ArrayList<>();
        RecentFiles r = new RecentFiles(List.of(), saved::add);
        for (int i = 0; i < 12; i++) {
            r.add(Path.of("/x/" + i + ".png"));
        }
        r.add(Path.of("/x/5.png"));
        assertThat(r.files()).hasSize(RecentFiles.MAX);
        assertThat(r.files().get(0)).isEqualTo(Path.of("/x/5.png"));
        assertThat(r.files().get(1)).isEqualTo(Path.of("/x/11.png"));
        assertThat(r.files().stream().distinct().count()).isEqualTo(RecentFiles.MAX);
        assertThat(saved.get(saved.size() - 1)).isEqualTo(List.copyOf(r.files()));
        r.clear();
        assertThat(r.files()).isEmpty();
        assertThat(saved.get(saved.size() - 1)).isEmpty();
    }
}
