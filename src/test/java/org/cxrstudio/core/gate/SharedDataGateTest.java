package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled gate ({@code models/gate.onnx}) on the shared data: every non-chest image refused,
 * chest films accepted. Skipped when {@code ../shared/data} or the bundled gate is absent.
 */
class SharedDataGateTest {
    private static final Path DATA = Path.of("../shared/data");
    @RegisterExtension
    static final BundledGate GATE = new BundledGate();
    private static InputGate gate;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isDirectory(DATA.resolve("not-cxr/images")), "../shared/data absent: shared-data gate test skipped");
        gate = GATE.get();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().matches(".*\\.(png|jpg)$")).sorted().toList();
        }
    }

    @Test
    void everySharedNonChestImageIsRefusedWithAReason() throws Exception {
        List<Path> photos = files(DATA.resolve("not-cxr/images"));
        assertThat(photos).hasSizeGreaterThanOrEqualTo(18);
        for (Path p : photos) {
            GateDecision d = gate.check(RadiographReader.read(p));
            assertThat(d.accepted()).as(p + ": " + d.message()).isFalse();
            assertThat(d.reason()).isPresent();
            assertThat(d.message()).isNotBlank();
        }
    }

    @Test
    void theCatPhotographIsRefused() throws Exception {
        GateDecision d = gate.check(RadiographReader.read(DATA.resolve("not-cxr/images/photo07_imprinting_cat_test_0.png")));
        assertThat(d.accepted()).isFalse();
        assertThat(d.reason()).contains(RefusalReason.NOT_CHEST_FILM);
        assertThat(d.measures().get("knn_cosine_distance")).isGreaterThan(gate.card().distanceLimit());
    }

    @Test
    void sharedChestFilmsAreAccepted() throws Exception {
        for (String f : List.of("tbx11k-tb/images/tb0005.png", "nih-cxr14/images/00001281_000.png")) {
            GateDecision d = gate.check(RadiographReader.read(DATA.resolve(f)));
            assertThat(d.accepted()).as(f + ": " + d.message()).isTrue();
        }
    }

    /**
     * A film saved as a colour JPEG and wrapped as DICOM by dcmtk's img2dcm (JPEG baseline,
     * YBR_FULL_422: how a clinic often turns its JPEG films into DICOM) is grey and is accepted.
     * The reader once took its Y Cb Cr for R G B and refused it as colour (colourfulness 86).
     */
    @Test
    void aFilmWrappedAsDicomFromAColourJpegIsAccepted(@TempDir Path tmp) throws Exception {
        BufferedImage film = ImageIO.read(DATA.resolve("tbx11k-tb/images/tb0005.png").toFile());
        BufferedImage rgb = new BufferedImage(film.getWidth(), film.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(film, 0, 0, null);
        Path jpeg = tmp.resolve("film.jpg");
        Path dcm = tmp.resolve("film.dcm");
        ImageIO.write(rgb, "jpg", jpeg.toFile());
        Process p;
        try {
            p = new ProcessBuilder("img2dcm", "-i", "JPEG", jpeg.toString(), dcm.toString()).redirectErrorStream(true).start();
        } catch (IOException noDcmtk) {
            Assumptions.abort("dcmtk's img2dcm absent: test skipped");
            return;
        }
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        var r = RadiographReader.read(dcm);
        assertThat(r.metadata()).containsEntry("PhotometricInterpretation", "YBR_FULL_422");
        GateDecision d = gate.check(r);
        assertThat(d.accepted()).as(d.message() + " " + d.measures()).isTrue();
    }

    @Test
    void chestDicomIsAcceptedAndTheExtremityIsRefusedWithoutItsHeader() throws Exception {
        Path dicom = DATA.resolve("dicom/original");
        assertThat(gate.check(RadiographReader.read(dicom.resolve("RG1_J2KI.dcm"))).accepted()).isTrue();
        var r = RadiographReader.read(dicom.resolve("RG3_J2KI.dcm"));
        assertThat(gate.check(r).reason()).contains(RefusalReason.OTHER_BODY_PART);
        var bare = new org.cxrstudio.core.imaging.Radiograph(r.columns(), r.rows(), r.pixels(), r.bitsAllocated(),
                r.bitsStored(), r.signed(), r.photometric(), r.rescaleSlope(), r.rescaleIntercept(), r.windows(),
                r.voiLut(), java.util.Optional.empty(), "", r.format(), java.util.Map.of(), java.util.Map.of());
        assertThat(gate.checkContentOnly(bare).reason()).contains(RefusalReason.NOT_CHEST_FILM);
    }

    @Test
    void theExtremityWithoutItsBodyPartIsRefusedByItsStudyDescription() throws Exception {
        var r = RadiographReader.read(DATA.resolve("dicom/original/RG3_J2KI.dcm"));
        var header = new java.util.HashMap<>(r.metadata());
        header.remove("BodyPartExamined");
        var noBodyPart = new org.cxrstudio.core.imaging.Radiograph(r.columns(), r.rows(), r.pixels(), r.bitsAllocated(),
                r.bitsStored(), r.signed(), r.photometric(), r.rescaleSlope(), r.rescaleIntercept(), r.windows(),
                r.voiLut(), r.pixelSpacingMm(), r.viewPosition(), r.format(), header, r.patient());
        GateDecision d = gate.check(noBodyPart);
        assertThat(d.reason()).contains(RefusalReason.OTHER_BODY_PART);
        assertThat(d.message()).isEqualTo(
                "Study description \"Non-ossifying fibroma of distal tibia\" names another body part, not the chest");
    }

    @Test
    void aFilmTurnedOnItsSideIsRefused() throws Exception {
        var r = RadiographReader.read(DATA.resolve("tbx11k-tb/images/tb0005.png"));
        int w = r.columns();
        int h = r.rows();
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[x * h + (h - 1 - y)] = r.pixels()[y * w + x];
            }
        }
        var turned = new org.cxrstudio.core.imaging.Radiograph(h, w, px, r.bitsAllocated(), r.bitsStored(), false,
                r.photometric(), 1, 0, r.windows(), r.voiLut(), java.util.Optional.empty(), "", r.format(),
                java.util.Map.of(), java.util.Map.of());
        GateDecision d = gate.check(turned);
        assertThat(d.accepted()).as(d.message()).isFalse();
    }

    @Test
    void aZoomedInPartOfAFilmIsRefused() throws Exception {
        var r = RadiographReader.read(DATA.resolve("nih-cxr14/images/00001281_000.png"));
        int side = r.columns() * 2 / 5; // 40 % of the side from (55 %, 30 %), enlarged 2.5 times
        int x0 = r.columns() * 55 / 100;
        int y0 = r.rows() * 30 / 100;
        int out = side * 5 / 2;
        int[] px = new int[out * out];
        for (int y = 0; y < out; y++) {
            for (int x = 0; x < out; x++) {
                px[y * out + x] = r.pixels()[(y0 + y * 2 / 5) * r.columns() + x0 + x * 2 / 5];
            }
        }
        var crop = new org.cxrstudio.core.imaging.Radiograph(out, out, px, 8, 8, false, r.photometric(), 1, 0,
                r.windows(), r.voiLut(), java.util.Optional.empty(), "", r.format(), java.util.Map.of(), java.util.Map.of());
        GateDecision d = gate.check(crop);
        assertThat(d.accepted()).as(d.message()).isFalse();
        assertThat(d.reason()).contains(RefusalReason.NOT_CHEST_FILM);
    }
}
