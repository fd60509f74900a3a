package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomDataset;
import org.cxrstudio.core.dicom.DicomFile;
import org.cxrstudio.core.dicom.DicomParser;
import org.cxrstudio.core.dicom.Dcmtk;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.core.screening.TbScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SR and SC written for a film: valid per dciodvfy, readable by dcmdump and by the project's reader. */
class ResultObjectsTest {
    static final Path FILM = Path.of("sample-images/chest-phantom-mono2-16bit.dcm");

    @TempDir
    Path dir;

    @Test
    void srAndScAreValidAndReadBack() throws IOException {
        Radiograph film = RadiographReader.read(FILM);
        SourceImage src = SourceImage.of(film);
        List<Box> boxes = List.of(new Box(40, 50, 120.5, 160, 0.81), new Box(300, 60, 380, 200, 0.42));
        CadResult r = new CadResult(src, TbScore.of(0.734, 0.5, null), "site profile", boxes, "cxr-student-s", "1.0",
                "ab".repeat(32), ZonedDateTime.now());
        float[] hm = new float[16 * 16];
        for (int i = 0; i < hm.length; i++) {
            hm[i] = (i % 16) / 15f;
        }
        ResultObjects.Written w = ResultObjects.write(film,
                new Heatmap(16, 16, hm, film.columns(), film.rows()), r, dir);

        for (Path f : List.of(w.sr(), w.sc())) {
            assertThat(Dciodvfy.errors(f)).as(Dciodvfy.output(f)).isEmpty();
            if (Dcmtk.available()) {
                assertThat(Dcmtk.run("dcmdump", "-q", f.toString())).contains(src.study().uid());
            }
        }
        DicomDataset sr = DicomParser.parse(Files.readAllBytes(w.sr()), w.sr().toString()).dataset();
        assertThat(sr.string(Tags.SOP_CLASS_UID)).contains(CadSrWriter.SOP_CLASS);
        assertThat(sr.string(Tags.STUDY_INSTANCE_UID)).contains(src.study().uid());
        assertThat(sr.string(Tags.SERIES_INSTANCE_UID).orElseThrow()).startsWith("2.25.").isNotEqualTo(src.seriesUid());
        assertThat(sr.string(Tags.SOP_INSTANCE_UID).orElseThrow()).startsWith("2.25.");
        assertThat(sr.string(Tags.PATIENT_NAME)).contains(src.patient().name());
        List<String> texts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<DicomDataset> scoords = new ArrayList<>();
        walk(sr, texts, codes, scoords);
        assertThat(codes).contains("CXRTB-POS", "56717001", "121007");
        Map<String, String> nums = new HashMap<>();
        numbers(sr, nums);
        // the readable score: 0-100 against the threshold on the same scale, not a bare 0.734
        assertThat(nums).containsEntry("CXRTB-SCORE100", "73").containsEntry("CXRTB-THR100", "50")
                .containsEntry("CXRTB-SCORE", "0.734").containsEntry("CXRTB-THRESHOLD", "0.5").containsKey("CXRTB-PROB");
        assertThat(Double.parseDouble(nums.get("CXRTB-PROB"))).isEqualTo(0.734);
        assertThat(texts).contains("cxr-student-s", "1.0", "ab".repeat(32), "site profile");
        assertThat(texts).anyMatch(t -> t.contains("not a diagnosis"));
        assertThat(sr.string(0x0040A730)).isEmpty(); // a sequence, not text
        assertThat(scoords).hasSize(2);
        DicomDataset image = scoords.get(0).sequence(Tags.CONTENT_SEQUENCE).get(0)
                .sequence(Tags.REFERENCED_SOP_SEQUENCE).get(0);
        assertThat(image.string(Tags.REFERENCED_SOP_INSTANCE)).contains(src.sopInstanceUid());
        assertThat(image.string(Tags.REFERENCED_SOP_CLASS)).contains(src.sopClassUid());

        Radiograph sc = RadiographReader.read(w.sc());
        assertThat(sc.columns()).isEqualTo(film.columns());
        assertThat(sc.rows()).isEqualTo(film.rows());
        DicomFile scFile = DicomParser.parse(Files.readAllBytes(w.sc()), w.sc().toString());
        DicomDataset scd = scFile.dataset();
        assertThat(scd.string(Tags.PHOTOMETRIC_INTERPRETATION)).contains("RGB");
        assertThat(scd.string(0x00280301)).contains("YES");
        assertThat(scd.string(0x0008103E)).contains("CAD overlay - not for diagnosis");
        assertThat(scd.string(0x00204000)).contains("CAD overlay - not for diagnosis");
        assertThat(scd.string(Tags.STUDY_INSTANCE_UID)).contains(src.study().uid());
        assertThat(scd.string(Tags.SERIES_INSTANCE_UID)).isNotEqualTo(sr.string(Tags.SERIES_INSTANCE_UID));
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".dcm")).hasSize(2);
        }
    }

    @Test
    void overlayBurnsTheLabelAndTheBoxes() throws IOException {
        Radiograph film = RadiographReader.read(FILM);
        CadResult r = new CadResult(SourceImage.of(film), TbScore.of(0.2, 0.5, null), "model card",
                List.of(new Box(100, 100, 200, 200, 0.5)), "m", "1", "", null);
        RgbImage img = OverlayRenderer.render(org.cxrstudio.core.imaging.DisplayPipeline.render(film, null, false), null,
                r.boxes(), r.caption());
        assertThat(img.at(150, 100)).isEqualTo(0xFFFF00); // the yellow box edge
        int white = 0;
        for (int x = 0; x < img.width(); x++) {
            for (int y = 0; y < img.height() / 20; y++) {
                white += img.at(x, y) == 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(white).as("label text in the top band").isGreaterThan(50);
    }

    static void numbers(DicomDataset d, Map<String, String> out) {
        for (DicomDataset item : d.sequence(Tags.CONTENT_SEQUENCE)) {
            if (item.string(Tags.VALUE_TYPE).orElse("").equals("NUM")) {
                String code = item.sequence(Tags.CONCEPT_NAME).get(0).string(Tags.CODE_VALUE).orElseThrow();
                out.put(code, item.sequence(Tags.MEASURED_VALUE).get(0).string(Tags.NUMERIC_VALUE).orElseThrow().strip());
            }
            numbers(item, out);
        }
    }

    static void walk(DicomDataset d, List<String> texts, List<String> codes, List<DicomDataset> scoords) {
        for (DicomDataset item : d.sequence(Tags.CONTENT_SEQUENCE)) {
            item.string(Tags.TEXT_VALUE).ifPresent(texts::add);
            for (DicomDataset c : item.sequence(Tags.CONCEPT_CODE)) {
                c.string(Tags.CODE_VALUE).ifPresent(codes::add);
            }
            if (item.string(Tags.VALUE_TYPE).orElse("").equals("SCOORD")) {
                scoords.add(item);
            }
            walk(item, texts, codes, scoords);
        }
    }
}
