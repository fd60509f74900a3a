package org.cxrstudio.ui.pacs;

import org.cxrstudio.core.pacs.DicomWebClient;
import org.cxrstudio.core.pacs.Orthanc;
import org.cxrstudio.core.pacs.PacsCredentials;
import org.cxrstudio.core.pacs.PacsServer;
import org.cxrstudio.core.pacs.ThreeFilms;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Open from PACS…" view model against a real Orthanc with authentication, synchronously. */
@Timeout(120)
class PacsViewModelOrthancTest {
    @TempDir
    Path dir;
    final Preferences prefs = Preferences.userRoot().node("cxrstudio-test/" + UUID.randomUUID());

    @AfterEach
    void clean() throws Exception {
        prefs.removeNode();
    }

    @Test
    void searchesListsSeriesRetrievesAndRemembersServersWithoutPasswords() throws Exception {
        Orthanc.assumeInstalled();
        List<Path> films = ThreeFilms.make(dir.resolve("films"));
        try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), "reader", "pw-123")) {
            new DicomWebClient(PacsServer.of("t", orthanc.dicomWebUrl(), PacsCredentials.basic("reader", "pw-123".toCharArray())))
                    .store(films, ProgressListener.NONE, CancellationToken.NONE);
            List<List<Path>> opened = new ArrayList<>();
            PacsViewModel vm = new PacsViewModel(new ServerStore(prefs), dir.resolve("cache"), Runnable::run, Runnable::run,
                    opened::add);
            ServerEntry entry = new ServerEntry("Clinic", orthanc.dicomWebUrl(), "reader");
            vm.addServer(entry);

            vm.setPassword(entry, "wrong".toCharArray());
            vm.search();
            assertThat(vm.statusProperty().get()).contains("HTTP 401");
            assertThat(vm.busyProperty().get()).isFalse();

            vm.setPassword(entry, "pw-123".toCharArray());
            vm.patientIdProperty().set(ThreeFilms.PATIENT_ID);
            vm.search();
            assertThat(vm.studies()).singleElement().satisfies(s -> assertThat(s.studyUid()).isEqualTo(ThreeFilms.STUDY_UID));
            vm.studyProperty().set(vm.studies().get(0));
            assertThat(vm.series()).isNotEmpty();
            vm.retrieve();
            assertThat(opened).singleElement().satisfies(files -> assertThat(files).hasSize(3));
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);

            ServerStore reread = new ServerStore(prefs);
            assertThat(reread.load()).containsExactly(entry);
            for (String key : prefs.keys()) {
                assertThat(prefs.get(key, "")).doesNotContain("pw-123");
            }
            assertThat(Files.list(dir.resolve("cache").resolve(ThreeFilms.STUDY_UID)).count()).isEqualTo(3);
        }
    }

    @Test
    void aBadUrlIsRefusedWhenTheServerIsAdded() {
        PacsViewModel vm = new PacsViewModel(new ServerStore(prefs), dir, Runnable::run, Runnable::run, f -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vm.addServer(new ServerEntry("x", "ftp://host/x", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http(s) URL");
        vm.search();
        assertThat(vm.statusProperty().get()).isEqualTo(org.cxrstudio.ui.Messages.get("pacs.noServer"));
    }
}
