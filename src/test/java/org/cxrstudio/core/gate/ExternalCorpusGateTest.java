package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ImageFiles;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled gate on wrong inputs of kinds the shared data has none of: the test images of three
 * Debian packages (real CT, MR, NM and ultrasound DICOM, MR brain slices, a cryosection, micrographs,
 * a retina, a page of text, photographs), unpacked by {@code scripts/gate-corpus.sh} into
 * {@code target/gate-corpus} (CI does this; the test skips when it is absent). None of it was used
 * to set the gate. Every file must either be refused or fail to read with a clear message; and
 * every readable one, shown in grey, enlarged to at least 512 px on its short side and saved as a
 * PNG without its header (an export from another viewer), must be refused too, by what it shows.
 */
class ExternalCorpusGateTest {
    private static final Path CORPUS = Path.of(System.getProperty("cxr.gateCorpus", "target/gate-corpus"));
    private static final int EXPORT_SIDE = 512;
    @RegisterExtension
    static final BundledGate GATE = new BundledGate();
    private static List<Path> files;

    @BeforeAll
    static void list() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), CORPUS + " absent (scripts/gate-corpus.sh makes it): test skipped");
        try (Stream<Path> s = Files.walk(CORPUS)) {
            files = s.filter(Files::isRegularFile).filter(ImageFiles::isImageName).sorted().toList();
        }
        assertThat(files).as("image files in " + CORPUS).hasSizeGreaterThan(100);
    }

    @Test
    void everyFileIsRefusedOrFailsToReadWithItsName() throws Exception {
        Map<RefusalReason, Integer> byReason = new EnumMap<>(RefusalReason.class);
        int unreadable = 0;
        for (Path p : files) {
            Radiograph r;
            try {
                r = RadiographReader.read(p);
            } catch (ImageReadException e) {
                assertThat(e.getMessage()).as(p.toString()).contains(p.getFileName().toString());
                unreadable++;
                continue;
            }
            GateDecision d = GATE.get().check(r);
            assertThat(d.accepted()).as(p + " was accepted: " + d.measures()).isFalse();
            byReason.merge(d.reason().orElseThrow(), 1, Integer::sum);
        }
        System.out.printf("gate corpus, as files: %d files, %d unreadable, refused %s%n", files.size(), unreadable, byReason);
        assertThat(files.size() - unreadable).as("files that read (the other tests of this class judge only those)")
                .isGreaterThanOrEqualTo(files.size() * 2 / 3);
    }

    @Test
    void everyReadableImageExportedInGreyWithoutItsHeaderIsRefusedByContent() throws Exception {
        Map<RefusalReason, Integer> byReason = new EnumMap<>(RefusalReason.class);
        List<String> accepted = new ArrayList<>();
        double nearest = Double.MAX_VALUE;
        for (Path p : files) {
            Radiograph r;
            try {
                r = RadiographReader.read(p);
            } catch (ImageReadException e) {
                continue;
            }
            Radiograph export = RadiographReader.read(p.getFileName() + ".png", greyPng(r));
            GateDecision d = GATE.get().check(export);
            if (d.accepted()) {
                accepted.add(p + " " + d.measures());
            } else {
                RefusalReason reason = d.reason().orElseThrow();
                assertThat(reason).as(p.toString()).isNotIn(RefusalReason.TOO_SMALL, RefusalReason.NOT_RADIOGRAPH_MODALITY);
                byReason.merge(reason, 1, Integer::sum);
                Double distance = d.measures().get("knn_cosine_distance");
                if (distance != null) {
                    nearest = Math.min(nearest, distance);
                }
            }
        }
        System.out.printf("gate corpus, exported grey >= %d px without header: refused %s; nearest distance %.3f (limit %.3f)%n",
                EXPORT_SIDE, byReason, nearest, GATE.get().card().distanceLimit());
        assertThat(accepted).as("accepted exports").isEmpty();
    }

    /** The image as displayed, in grey, enlarged (bilinear) so its short side is at least 512 px, as PNG bytes. */
    private static byte[] greyPng(Radiograph r) throws Exception {
        GrayImage g = DisplayPipeline.render(r, null, false);
        BufferedImage src = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
        src.getRaster().setDataElements(0, 0, g.width(), g.height(), g.gray());
        double scale = Math.max(1, (double) EXPORT_SIDE / Math.min(g.width(), g.height()));
        int w = (int) Math.round(g.width() * scale);
        int h = (int) Math.round(g.height() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var graphics = out.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(src, 0, 0, w, h, null);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "png", bytes);
        return bytes.toByteArray();
    }
}
