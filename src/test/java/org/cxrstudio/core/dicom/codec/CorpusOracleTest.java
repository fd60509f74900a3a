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
 * {@link DicomException}, and every one we read that is not JPEG 2000 has the values dcmtk gives
 * for its first frame (dcmdrle, dcmdjpls, dcmdjpeg --conv-never or dcmconv into explicit little
 * endian): grey ones the stored values, colour ones their grey (Y of Y Cb Cr, luma of RGB).
 * Skips without the corpus or dcmtk.
 */
class CorpusOracleTest {
    private static final Path CORPUS = Path.of(System.getProperty("cxr.gateCorpus", "target/gate-corpus")).resolve("pydicom");

    @TempDir
    Path tmp;

    @Test
    void everyFileWeReadHasDcmtksValues() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), CORPUS + " absent (scripts/gate-corpus.sh makes it): test skipped");
        assumeTrue(Fixtures.hasTool("dcmconv") && Fixtures.hasTool("dcmdjpls"), "dcmtk absent: test skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        List<String> compared = new ArrayList<>();
        List<String> notByDcmtk = new ArrayList<>();
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
            String photometric = img.metadata().getOrDefault("PhotometricInterpretation", "");
            if (ts.startsWith("1.2.840.10008.1.2.4.9") || photometric.endsWith("_422") && !ts.startsWith("1.2.840.10008.1.2.4")) {
                continue;   // JPEG 2000 has its own oracle (OpenJPEG); native 4:2:2 is checked against its JPEG below
            }
            int[] theirs;
            try {
                theirs = "3".equals(img.metadata().get("SamplesPerPixel")) ? dcmtkGrey(f, ts) : dcmtkStored(f, ts);
            } catch (java.io.IOException dcmtkFailed) {
                notByDcmtk.add(f.getFileName().toString());   // a file dcmtk itself cannot parse or decode
                continue;
            }
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
        System.out.printf("pydicom corpus: %d files, %d refused with a message, %d equal to dcmtk: %s; dcmtk cannot decode %s%n",
                files.size(), refused, compared.size(), compared, notByDcmtk);
        assertThat(compared).hasSizeGreaterThan(20);
        assertThat(refused).as("files that fail to read").isLessThan(files.size() / 2);
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

    /**
     * The grey the reader should give a colour file, from dcmtk's samples without colour
     * conversion ({@code --conv-never}): Y of Y Cb Cr, the BT.601 luma of R G B.
     */
    private int[] dcmtkGrey(Path f, String ts) throws Exception {
        TestDicom decoded = dcmtkNative(f, ts);
        int[] s = decoded.nativeFirstFrame();
        boolean ybr = decoded.info().photometric().startsWith("YBR");
        int[] grey = new int[s.length / 3];
        for (int i = 0; i < grey.length; i++) {
            int r = s[3 * i];
            int g = s[3 * i + 1];
            int b = s[3 * i + 2];
            grey[i] = ybr || r == g && g == b ? r : (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        }
        return grey;
    }

    /** dcmtk's first frame in explicit little endian, unsigned as stored. */
    private int[] dcmtkStored(Path f, String ts) throws Exception {
        return dcmtkNative(f, ts).nativeFirstFrame();
    }

    /** The file decompressed by dcmtk (dcmdrle, dcmdjpls, dcmdjpeg --conv-never) or converted to explicit little endian. */
    private TestDicom dcmtkNative(Path f, String ts) throws Exception {
        String tool = ts.equals("1.2.840.10008.1.2.5") ? "dcmdrle"
                : ts.startsWith("1.2.840.10008.1.2.4.8") ? "dcmdjpls"
                : ts.startsWith("1.2.840.10008.1.2.4") ? "dcmdjpeg" : "dcmconv";
        Path out = Files.createTempFile(tmp, "native", ".dcm");
        List<String> cmd = new ArrayList<>(List.of(tool));
        if (tool.equals("dcmdjpeg")) {
            cmd.add("--conv-never");
        }
        cmd.addAll(List.of("+te", f.toString(), out.toString()));
        Fixtures.run(cmd.toArray(String[]::new));
        return TestDicom.read(out);
    }
}
