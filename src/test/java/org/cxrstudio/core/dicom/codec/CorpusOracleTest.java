package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cxrstudio.core.dicom.DicomException;
import org.cxrstudio.core.dicom.DicomImage;
import org.cxrstudio.core.dicom.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on pydicom's test files (real CT, MR, NM and US images in explicit and implicit,
 * little and big endian, deflated, RLE, JPEG baseline, extended and lossless, JPEG-LS; plus broken
 * ones), unpacked by {@code scripts/gate-corpus.sh}: every file reads or fails with a
 * {@link DicomException}, and every grey one we read that is not JPEG 2000 has the stored values
 * dcmtk gives for its first frame (dcmdrle, dcmdjpls, dcmdjpeg or dcmconv into explicit little
 * endian). Skips without the corpus or dcmtk.
 */
class CorpusOracleTest {
    private static final Path CORPUS = Path.of(System.getProperty("cxr.gateCorpus", "target/gate-corpus")).resolve("pydicom");

    @TempDir
    Path tmp;

    @Test
    void everyGreyFileWeReadHasDcmtksStoredValues() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), CORPUS + " absent (scripts/gate-corpus.sh makes it): test skipped");
        assumeTrue(Fixtures.hasTool("dcmconv") && Fixtures.hasTool("dcmdjpls"), "dcmtk absent: test skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        List<String> compared = new ArrayList<>();
        int refused = 0;
        for (Path f : files) {
            DicomImage img;
            try {
                img = DicomReader.read(Files.readAllBytes(f), f.getFileName().toString());
            } catch (DicomException e) {
                assertThat(e.getMessage()).as(f.toString()).contains(f.getFileName().toString());
                refused++;
                continue;
            }
            String ts = img.transferSyntaxUid();
            if (!"1".equals(img.metadata().get("SamplesPerPixel")) || ts.startsWith("1.2.840.10008.1.2.4.9")) {
                continue;   // colour is converted to grey by the reader; JPEG 2000 has its own oracle (OpenJPEG)
            }
            int[] theirs = dcmtkStored(f, ts);
            int mask = (1 << img.bitsStored()) - 1;
            int[] ours = img.pixels().clone();
            for (int i = 0; i < ours.length; i++) {
                ours[i] &= mask;
            }
            for (int i = 0; i < theirs.length; i++) {
                theirs[i] &= mask;
            }
            assertThat(Fixtures.firstDifference(ours, theirs)).as(f + " (" + ts + "): first differing sample").isEqualTo(-1);
            compared.add(f.getFileName().toString());
        }
        System.out.printf("pydicom corpus: %d files, %d refused with a message, %d grey ones equal to dcmtk: %s%n",
                files.size(), refused, compared.size(), compared);
        assertThat(compared).hasSizeGreaterThan(10);
    }

    @Test
    void uncompressedYbrFull422MatchesTheJpegItWasMadeFrom() throws Exception {
        Path ybr = CORPUS.resolve("SC_ybr_full_422_uncompressed.dcm");
        Path jpeg = CORPUS.resolve("SC_rgb_dcmtk_+eb+cy+n2.dcm");   // pydicom's README: the source of the first
        assumeTrue(Files.isRegularFile(ybr) && Files.isRegularFile(jpeg), "pydicom YBR_FULL_422 files absent: test skipped");
        DicomImage ours = DicomReader.read(Files.readAllBytes(ybr), "ybr");
        DicomImage source = DicomReader.read(Files.readAllBytes(jpeg), "jpeg");
        assertThat(ours.columns()).isEqualTo(source.columns());
        assertThat(ours.rows()).isEqualTo(source.rows());
        int worst = 0;
        for (int i = 0; i < ours.pixels().length; i++) {
            worst = Math.max(worst, Math.abs(ours.pixels()[i] - source.pixels()[i]));
        }
        assertThat(worst).as("largest grey difference (Y samples against the luma of the decoded JPEG)").isLessThanOrEqualTo(2);
        assertThat(ours.metadata().get("Colourfulness")).isNotNull();
    }

    /** dcmtk's first frame in explicit little endian, unsigned as stored. */
    private int[] dcmtkStored(Path f, String ts) throws Exception {
        boolean compressed = ts.startsWith("1.2.840.10008.1.2.4") || ts.equals("1.2.840.10008.1.2.5");
        if (compressed) {
            return Fixtures.dcmtkFirstFrame(f, tmp);
        }
        Path out = Files.createTempFile(tmp, "native", ".dcm");
        Fixtures.run("dcmconv", "+te", f.toString(), out.toString());
        return TestDicom.read(out).nativeFirstFrame();
    }
}
