package org.cxrstudio.core.pacs;

import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.core.task.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real Orthanc (with authentication) holding the three-film study. */
@Timeout(120)
class DicomWebClientOrthancTest {
    @TempDir
    static Path dir;
    static Orthanc orthanc;
    static List<Path> films;
    static DicomWebClient client;

    @BeforeAll
    static void start() throws IOException {
        Orthanc.assumeInstalled();
        films = ThreeFilms.make(dir.resolve("films"));
        orthanc = Orthanc.start(dir.resolve("orthanc"), "reader", "s3cret-pw");
        client = new DicomWebClient(PacsServer.of("test", orthanc.dicomWebUrl(),
                PacsCredentials.basic("reader", "s3cret-pw".toCharArray())));
        StoreResult stored = client.store(films, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(stored.storedSopUids()).containsExactlyInAnyOrder("2.25.1001", "2.25.1002", "2.25.1003");
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void searchesByEachCriterion() throws IOException {
        List<StudySummary> byId = client.searchStudies(query(ThreeFilms.PATIENT_ID, null, null, null, null, null), CancellationToken.NONE);
        assertThat(byId).singleElement().satisfies(s -> {
            assertThat(s.studyUid()).isEqualTo(ThreeFilms.STUDY_UID);
            assertThat(s.patientId()).isEqualTo(ThreeFilms.PATIENT_ID);
            assertThat(s.modalities()).contains("CR");
            assertThat(s.instanceCount()).isEqualTo(3);
        });
        String date = byId.get(0).studyDate();
        LocalDate d = LocalDate.parse(date, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(client.searchStudies(query(null, null, d.minusDays(1), d.plusDays(1), null, null), CancellationToken.NONE)).hasSize(1);
        assertThat(client.searchStudies(query(null, null, d.plusDays(1), null, null, null), CancellationToken.NONE)).isEmpty();
        assertThat(client.searchStudies(query("nobody", null, null, null, null, null), CancellationToken.NONE)).isEmpty();
        assertThat(client.searchStudies(query(null, null, null, null, null, "CR"), CancellationToken.NONE)).hasSize(1);
        assertThat(client.searchStudies(query(null, null, null, null, null, "MR"), CancellationToken.NONE)).isEmpty();
        assertThat(byId.get(0).patientName()).isEqualTo("CompressedSamples^RG1");
        assertThat(client.searchStudies(query(null, "Compressed*", null, null, null, null), CancellationToken.NONE)).hasSize(1);
        assertThat(client.searchStudies(query(null, "Smith*", null, null, null, null), CancellationToken.NONE)).isEmpty();
        assertThat(byId.get(0).accession()).isEqualTo(ThreeFilms.ACCESSION);
        assertThat(client.searchStudies(query(null, null, null, null, ThreeFilms.ACCESSION, null), CancellationToken.NONE)).hasSize(1);
        assertThat(client.searchStudies(query(null, null, null, null, "no-such-accession", null), CancellationToken.NONE)).isEmpty();
        List<SeriesSummary> series = client.searchSeries(ThreeFilms.STUDY_UID, QidoQuery.ALL, CancellationToken.NONE);
        assertThat(series).isNotEmpty().allSatisfy(s -> assertThat(s.modality()).isEqualTo("CR"));
        assertThat(client.searchInstances(ThreeFilms.STUDY_UID, null, CancellationToken.NONE))
                .extracting(InstanceSummary::sopUid).containsExactlyInAnyOrder("2.25.1001", "2.25.1002", "2.25.1003");
    }

    @Test
    void retrievesTheStudyIntoTheCacheWithTheSamePixels(@TempDir Path cache) throws IOException {
        long[] last = {-1, -1};
        List<Path> got = client.retrieveStudy(ThreeFilms.STUDY_UID, cache, (done, total, msg) -> {
            last[0] = done;
            last[1] = total;
        }, CancellationToken.NONE);
        assertThat(got).hasSize(3);
        assertThat(last).containsExactly(3, 3);
        for (Path f : films) {
            String sop = Part10.sopInstanceUid(f, f.toString());
            Path cached = cache.resolve(ThreeFilms.STUDY_UID).resolve(sop + ".dcm");
            assertThat(got).contains(cached);
            Radiograph a = RadiographReader.read(f);
            Radiograph b = RadiographReader.read(cached);
            assertThat(b.pixels()).isEqualTo(a.pixels());
            assertThat(b.format()).isEqualTo(a.format());
        }
        assertNoTempFiles(cache);
    }

    @Test
    void wrongPasswordIsAClearErrorAndWritesNothing(@TempDir Path cache) throws IOException {
        DicomWebClient bad = new DicomWebClient(PacsServer.of("test", orthanc.dicomWebUrl(),
                PacsCredentials.basic("reader", "wrong".toCharArray())));
        assertThatThrownBy(() -> bad.retrieveStudy(ThreeFilms.STUDY_UID, cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("HTTP 401").hasMessageContaining("credentials")
                .hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> bad.searchStudies(QidoQuery.ALL, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).satisfies(e -> assertThat(((PacsException) e).status()).isEqualTo(401));
        assertNoTempFiles(cache);
        try (Stream<Path> s = Files.walk(cache)) {
            assertThat(s.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void unknownStudyIsNotFoundOrEmpty(@TempDir Path cache) {
        assertThatThrownBy(() -> client.retrieveStudy("2.25.999999", cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("2.25.999999")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("HTTP 404", "no images"));
        assertThat(cache.resolve("2.25.999999")).doesNotExist();
    }

    @Test
    void cancelStopsTheRetrieveAndLeavesNoPartialFile(@TempDir Path cache) throws IOException {
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> client.retrieveStudy(ThreeFilms.STUDY_UID, cache, (done, total, msg) -> {
            if (msg.contains("MiB") && !msg.startsWith("0.0")) {
                token.cancel();
            }
        }, token)).isInstanceOf(CancelledException.class);
        assertNoTempFiles(cache);
    }

    @Test
    void secretsAreRedacted() {
        PacsServer s = PacsServer.of("x", orthanc.dicomWebUrl(), PacsCredentials.basic("reader", "s3cret-pw".toCharArray()));
        assertThat(s.toString()).contains("reader").doesNotContain("s3cret-pw");
        assertThat(PacsCredentials.bearer("tok-123".toCharArray()).toString()).doesNotContain("tok-123");
    }

    static QidoQuery query(String id, String name, LocalDate from, LocalDate to, String acc, String modality) {
        return new QidoQuery(id, name, from, to, acc, modality, 50);
    }

    /** No temp or partial files, and every file left is a whole DICOM file. */
    static void assertNoTempFiles(Path cache) throws IOException {
        if (!Files.exists(cache)) {
            return;
        }
        try (Stream<Path> s = Files.walk(cache)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertThat(p.getFileName().toString()).doesNotEndWith(".tmp").endsWith(".dcm");
                RadiographReader.read(p);
            }
        }
    }
}
