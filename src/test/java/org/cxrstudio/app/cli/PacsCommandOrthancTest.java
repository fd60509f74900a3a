package org.cxrstudio.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cxrstudio.core.dicom.DicomDataset;
import org.cxrstudio.core.dicom.DicomParser;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.pacs.Dciodvfy;
import org.cxrstudio.core.pacs.DicomWebClient;
import org.cxrstudio.core.pacs.Orthanc;
import org.cxrstudio.core.pacs.PacsCredentials;
import org.cxrstudio.core.pacs.PacsServer;
import org.cxrstudio.core.pacs.QidoQuery;
import org.cxrstudio.core.pacs.SeriesSummary;
import org.cxrstudio.core.pacs.ThreeFilms;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole round trip against a real Orthanc: a study of three films (native, JPEG 2000, JPEG-LS)
 * uploaded, searched, retrieved, scored by {@code pacs predict} with the same results as
 * {@code predict} on the local files, its SR and overlay stored back into the same study, fetched
 * again and validated with dciodvfy.
 */
@Timeout(300)
class PacsCommandOrthancTest {
    static final Map<String, String> SOP_OF = Map.of("native.dcm", "2.25.1001", "j2k.dcm", "2.25.1002",
            "jpegls.dcm", "2.25.1003");

    @TempDir
    Path dir;

    @Test
    void uploadSearchRetrieveScoreStoreAndFetchAgain() throws IOException {
        Orthanc.assumeInstalled();
        List<Path> films = ThreeFilms.make(dir.resolve("films"));
        try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"))) {
            String url = orthanc.dicomWebUrl();
            DicomWebClient client = new DicomWebClient(PacsServer.of("t", url, PacsCredentials.NONE));
            client.store(films, ProgressListener.NONE, CancellationToken.NONE);

            CliRun search = CliRun.of("pacs", "search", "--url", url, "--patient-id", ThreeFilms.PATIENT_ID,
                    "--modality", "CR", "--json");
            assertThat(search.exit()).as(search.err()).isZero();
            JsonObject found = JsonParser.parseString(search.out().strip()).getAsJsonObject();
            assertThat(found.get("study_uid").getAsString()).isEqualTo(ThreeFilms.STUDY_UID);
            assertThat(found.get("instances").getAsInt()).isEqualTo(3);

            CliRun retrieve = CliRun.of("pacs", "retrieve", "--url", url, "--study", ThreeFilms.STUDY_UID,
                    "--out", dir.resolve("cache").toString());
            assertThat(retrieve.exit()).as(retrieve.err()).isZero();
            assertThat(retrieve.out().strip().lines()).hasSize(3);

            Path local = dir.resolve("local.json");
            List<String> args = new java.util.ArrayList<>(List.of("predict", "--json", local.toString(), "--gate-rules-only"));
            films.forEach(f -> args.add(f.toString()));
            CliRun predict = CliRun.of(args.toArray(String[]::new));
            assertThat(predict.exit()).as(predict.err()).isZero();

            Path remote = dir.resolve("remote.json");
            CliRun pacsPredict = CliRun.of("pacs", "predict", "--url", url, "--study", ThreeFilms.STUDY_UID, "--store",
                    "--json", remote.toString(), "--gate-rules-only", "--cache", dir.resolve("cache2").toString());
            assertThat(pacsPredict.exit()).as(pacsPredict.err()).isZero();
            assertThat(pacsPredict.err()).contains("stored 6 result object(s)");
            assertSameScores(local, remote);

            List<SeriesSummary> series = client.searchSeries(ThreeFilms.STUDY_UID, QidoQuery.ALL, CancellationToken.NONE);
            assertThat(series).extracting(SeriesSummary::modality).contains("SR", "OT", "CR");
            List<Path> again = client.retrieveStudy(ThreeFilms.STUDY_UID, dir.resolve("cache3"), ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(again).hasSize(9);
            int sr = 0;
            int sc = 0;
            for (Path f : again) {
                DicomDataset d = DicomParser.parse(Files.readAllBytes(f), f.toString()).dataset();
                String cls = d.string(Tags.SOP_CLASS_UID).orElse("");
                assertThat(d.string(Tags.STUDY_INSTANCE_UID)).contains(ThreeFilms.STUDY_UID);
                if (cls.equals("1.2.840.10008.5.1.4.1.1.88.33") || cls.equals("1.2.840.10008.5.1.4.1.1.7")) {
                    assertThat(Dciodvfy.errors(f)).as(f + "\n" + Dciodvfy.output(f)).isEmpty();
                    if (cls.endsWith(".88.33")) {
                        sr++;
                    } else {
                        sc++;
                    }
                }
            }
            assertThat(sr).isEqualTo(3);
            assertThat(sc).isEqualTo(3);

            CliRun rerun = CliRun.of("pacs", "predict", "--url", url, "--study", ThreeFilms.STUDY_UID,
                    "--json", dir.resolve("rerun.json").toString(), "--gate-rules-only");
            assertThat(rerun.exit()).as(rerun.err()).isZero();
            assertThat(rerun.out().strip().lines()).as("result series are not scored").hasSize(3);
        }
    }

    /** Same probability, decision, threshold and boxes per SOP Instance UID. */
    static void assertSameScores(Path local, Path remote) throws IOException {
        Map<String, JsonObject> bySop = new HashMap<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(local)).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            bySop.put(SOP_OF.get(Path.of(o.get("file").getAsString()).getFileName().toString()), o);
        }
        JsonArray rows = JsonParser.parseString(Files.readString(remote)).getAsJsonArray();
        assertThat(rows).hasSize(3);
        for (JsonElement e : rows) {
            JsonObject r = e.getAsJsonObject();
            String name = Path.of(r.get("file").getAsString()).getFileName().toString();
            JsonObject l = bySop.get(name.substring(0, name.length() - ".dcm".length()));
            assertThat(l).as(name).isNotNull();
            assertThat(r.keySet()).isEqualTo(l.keySet());
            assertThat(l.has("tb_probability")).as(name + " was scored, not refused: " + l).isTrue();
            for (String k : List.of("tb_probability", "raw_probability", "score", "positive", "threshold", "boxes")) {
                assertThat(r.get(k)).as(name + " " + k).isEqualTo(l.get(k));
            }
        }
    }
}
