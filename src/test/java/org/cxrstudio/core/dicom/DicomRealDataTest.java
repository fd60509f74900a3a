package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cxrstudio.core.dicom.codec.Codecs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader against the real files in {@code ../shared/data/dicom} and dcmtk as oracle: the
 * RG1 JPEG-LS transcode is decompressed by dcmtk and re-encoded in every native transfer syntax
 * (implicit LE, explicit LE/BE, deflated, no meta header, undefined lengths); all must decode to
 * the raw pixel bytes dcmtk itself dumps. Skips when the data or dcmtk is absent.
 */
class DicomRealDataTest {
    static final Path DATA = Path.of(System.getProperty("cxr.shared.data", "../shared/data")).resolve("dicom");
    static final Path RG1_JLS = DATA.resolve("derived/RG1_from_J2KI_jpegls_lossless.dcm");

    @TempDir
    static Path tmp;
    static int[] expected;

    @BeforeAll
    static void transcode() throws IOException {
        assumeTrue(Files.isRegularFile(RG1_JLS), "shared DICOM data absent at " + DATA + ": skipping");
        assumeTrue(Dcmtk.available(), "dcmtk not installed (apt-get install dcmtk): skipping");
        Path le = tmp.resolve("le.dcm");
        Dcmtk.run("dcmdjpls", RG1_JLS.toString(), le.toString());
        Dcmtk.run("dcmconv", "+ti", le.toString(), tmp.resolve("implicit.dcm").toString());
        Dcmtk.run("dcmconv", "+tb", le.toString(), tmp.resolve("big.dcm").toString());
        Dcmtk.run("dcmconv", "+td", le.toString(), tmp.resolve("deflated.dcm").toString());
        Dcmtk.run("dcmconv", "-F", "+ti", le.toString(), tmp.resolve("nometa-implicit.dcm").toString());
        Dcmtk.run("dcmconv", "-F", "+te", le.toString(), tmp.resolve("nometa-explicit.dcm").toString());
        Dcmtk.run("dcmconv", "-e", le.toString(), tmp.resolve("undefined.dcm").toString());
        Dcmtk.run("dcmcrle", le.toString(), tmp.resolve("rle.dcm").toString());
        Path rawDir = Files.createDirectories(tmp.resolve("raw"));
        Dcmtk.run("dcmdump", "-q", "+W", rawDir.toString(), le.toString());
        byte[] raw;
        try (Stream<Path> files = Files.list(rawDir)) {
            raw = Files.readAllBytes(files.filter(p -> p.toString().endsWith(".raw")).findFirst().orElseThrow());
        }
        expected = new int[raw.length / 2];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = ((raw[2 * i] & 0xFF) | (raw[2 * i + 1] & 0xFF) << 8) & 0x7FFF; // 15 bits stored
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"le.dcm", "implicit.dcm", "big.dcm", "deflated.dcm", "nometa-implicit.dcm",
        "nometa-explicit.dcm", "undefined.dcm"})
    void nativeSyntaxesMatchDcmtkRawPixels(String name) throws IOException {
        Path f = tmp.resolve(name);
        DicomImage img = DicomReader.read(Files.readAllBytes(f), name);
        assertThat(img.columns()).isEqualTo(1841);
        assertThat(img.rows()).isEqualTo(1955);
        assertThat(img.bitsStored()).isEqualTo(15);
        assertThat(img.photometric()).isEqualTo("MONOCHROME1");
        assertThat(img.pixels()).isEqualTo(expected);
        assertThat(img.windowCenters()).containsExactly(15000);
        assertThat(img.windowWidths()).containsExactly(30000);
        assertThat(img.viewPosition()).isEqualTo("PA");
        assertThat(img.pixelSpacingMm()).as("0.000 spacing is treated as absent").isNull();
        assertThat(img.patient()).containsEntry("PatientID", "9RG1").containsEntry("PatientName", "CompressedSamples^RG1");
        assertThat(img.metadata()).doesNotContainKeys("PatientID", "PatientName", "StudyInstanceUID")
                .containsEntry("Modality", "CR").containsEntry("BodyPartExamined", "CHEST");
    }

    /** The real MONOCHROME1 chest rendered with its stored window, against dcm2pnm. */
    @Test
    void realChestRendersLikeDcm2pnm() throws IOException {
        Path le = tmp.resolve("le.dcm");
        Path png = tmp.resolve("le.png");
        Dcmtk.run("dcm2pnm", "+on", "+Wi", "1", le.toString(), png.toString());
        java.awt.image.BufferedImage oracle = javax.imageio.ImageIO.read(png.toFile());
        org.cxrstudio.core.imaging.GrayImage g = org.cxrstudio.core.imaging.DisplayPipeline.render(
                org.cxrstudio.core.imaging.RadiographReader.read(le), null, false);
        int max = 0;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                max = Math.max(max, Math.abs(g.at(x, y) - oracle.getRaster().getSample(x, y, 0)));
            }
        }
        assertThat(max).isLessThanOrEqualTo(1);
    }

    /**
     * The synthetic MONOCHROME1 variant of the SIIM chest (same pixels) renders as the inverse of
     * the original: through dcmtk-decompressed native copies always, and directly from the JPEG
     * files once the JPEG baseline codec exists.
     */
    @Test
    void fakeMonochrome1RendersAsInverseOfSiim() throws IOException {
        Path m1 = DATA.resolve("original/Fake_MONOHR1.dcm");
        Path m2 = DATA.resolve("original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm");
        Path n1 = tmp.resolve("fake-native.dcm");
        Path n2 = tmp.resolve("siim-native.dcm");
        Dcmtk.run("dcmdjpeg", m1.toString(), n1.toString());
        Dcmtk.run("dcmdjpeg", m2.toString(), n2.toString());
        assertInverse(n1, n2);
        assumeTrue(Codecs.forTransferSyntax("1.2.840.10008.1.2.4.50").isPresent(), "JPEG baseline codec not available yet");
        assertInverse(m1, m2);
    }

    private static void assertInverse(Path m1, Path m2) throws IOException {
        var a = org.cxrstudio.core.imaging.RadiographReader.read(m1);
        var b = org.cxrstudio.core.imaging.RadiographReader.read(m2);
        assertThat(a.photometric()).isEqualTo(org.cxrstudio.core.imaging.Photometric.MONOCHROME1);
        assertThat(b.photometric()).isEqualTo(org.cxrstudio.core.imaging.Photometric.MONOCHROME2);
        assertThat(a.pixels()).isEqualTo(b.pixels());
        var ga = org.cxrstudio.core.imaging.DisplayPipeline.render(a, null, false);
        var gb = org.cxrstudio.core.imaging.DisplayPipeline.render(b, null, false);
        for (int i = 0; i < ga.gray().length; i++) {
            assertThat(ga.gray()[i] & 0xFF).isEqualTo(255 - (gb.gray()[i] & 0xFF));
        }
    }

    /**
     * The lossy JPEG 2000 original against OpenJPEG 2.5.0's decode of it (the derived lossless
     * transcodes hold exactly those pixels): different irreversible-wavelet implementations may
     * differ by rounding, so the check is a small maximum and mean error.
     */
    @Test
    void jpeg2000OriginalMatchesOpenJpegDecode() throws IOException {
        assumeTrue(Codecs.forTransferSyntax("1.2.840.10008.1.2.4.91").isPresent(), "JPEG 2000 codec not available yet");
        Path j2k = DATA.resolve("original/RG1_J2KI.dcm");
        DicomImage img = DicomReader.read(Files.readAllBytes(j2k), j2k.toString());
        long sum = 0;
        int max = 0;
        int exact = 0;
        for (int i = 0; i < expected.length; i++) {
            int d = Math.abs(img.pixels()[i] - expected[i]);
            sum += d;
            max = Math.max(max, d);
            exact += d == 0 ? 1 : 0;
        }
        org.slf4j.LoggerFactory.getLogger(DicomRealDataTest.class).debug(
                "RG1_J2KI vs OpenJPEG: max |diff| {}, mean {}, exact {}", max, (double) sum / expected.length,
                (double) exact / expected.length);
        assertThat(max).as("max |diff| vs OpenJPEG").isLessThanOrEqualTo(JPEG2000_MAX_DIFF);
        assertThat((double) sum / expected.length).as("mean |diff|").isLessThan(0.05);
    }

    static final int JPEG2000_MAX_DIFF = 1; // measured: max 1, 98.4 % of pixels exact

    @Test
    void rleTranscodeMatchesWhenCodecAvailable() throws IOException {
        assumeTrue(Codecs.forTransferSyntax("1.2.840.10008.1.2.5").isPresent(), "RLE codec not available yet: skipping");
        DicomImage img = DicomReader.read(Files.readAllBytes(tmp.resolve("rle.dcm")), "rle.dcm");
        assertThat(img.pixels()).isEqualTo(expected);
    }

    static List<Path> realFiles() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String sub : new String[] {"original", "derived"}) {
            Path dir = DATA.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(all::add);
                }
            }
        }
        return all.isEmpty() ? List.of(DATA.resolve("(absent)")) : all;
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void headerMatchesDcmdump(Path f) throws IOException {
        assumeTrue(Files.isRegularFile(f), "shared DICOM data absent: skipping");
        DicomFile file = DicomParser.parse(Files.readAllBytes(f), f.toString());
        DicomDataset ds = file.dataset();
        assertThat(file.transferSyntaxUid()).isEqualTo(uid(Dcmtk.run("dcmdump", "-q", "-Un", "+P", "0002,0010",
                f.toString())));
        for (int tag : new int[] {Tags.ROWS, Tags.COLUMNS, Tags.BITS_ALLOCATED, Tags.BITS_STORED, Tags.HIGH_BIT,
            Tags.PIXEL_REPRESENTATION, Tags.SAMPLES_PER_PIXEL}) {
            String oracle = Dcmtk.dump(f, String.format("%04X,%04X", tag >>> 16, tag & 0xFFFF));
            assertThat(ds.uint(tag).map(String::valueOf).orElse(null)).as(Tags.format(tag)).isEqualTo(oracle);
        }
        for (int tag : new int[] {Tags.PHOTOMETRIC_INTERPRETATION, Tags.VIEW_POSITION, Tags.WINDOW_CENTER,
            Tags.WINDOW_WIDTH, Tags.PATIENT_ID, Tags.MODALITY}) {
            String oracle = Dcmtk.dump(f, String.format("%04X,%04X", tag >>> 16, tag & 0xFFFF));
            if (oracle != null && oracle.startsWith("(no value")) {
                oracle = null;
            }
            assertThat(ds.string(tag).orElse(null)).as(Tags.format(tag)).isEqualTo(oracle);
        }
        assertThat(ds.get(Tags.PIXEL_DATA)).isPresent();
    }

    private static String uid(String dump) {
        int a = dump.indexOf('[');
        return dump.substring(a + 1, dump.indexOf(']', a));
    }

    /**
     * Every real file decodes like dcmtk's decompressed copy: identical for lossless syntaxes,
     * within ±2 for lossy JPEG baseline (both sides use IJG-derived decoders).
     */
    @ParameterizedTest
    @MethodSource("realFiles")
    void pixelsMatchDcmtkDecompression(Path f) throws IOException {
        assumeTrue(Files.isRegularFile(f), "shared DICOM data absent: skipping");
        String ts = DicomParser.parse(Files.readAllBytes(f), f.toString()).transferSyntaxUid();
        List<String> tool = Dcmtk.decompressor(ts);
        assumeTrue(tool != null, "dcmtk cannot decompress " + Codecs.describe(ts) + ": no oracle for " + f.getFileName());
        assumeTrue(Codecs.forTransferSyntax(ts).isPresent(), "codec for " + Codecs.describe(ts) + " not available yet");
        Path out = tmp.resolve(f.getFileName() + ".native.dcm");
        List<String> cmd = new ArrayList<>(tool);
        cmd.add(f.toString());
        cmd.add(out.toString());
        Dcmtk.run(cmd.toArray(String[]::new));
        DicomImage ours = DicomReader.read(Files.readAllBytes(f), f.toString());
        DicomImage oracle = DicomReader.read(Files.readAllBytes(out), out.toString());
        assertThat(ours.columns()).isEqualTo(oracle.columns());
        assertThat(ours.rows()).isEqualTo(oracle.rows());
        if (ts.equals("1.2.840.10008.1.2.4.50") || ts.equals("1.2.840.10008.1.2.4.51")) {
            int max = 0;
            for (int i = 0; i < ours.pixels().length; i++) {
                max = Math.max(max, Math.abs(ours.pixels()[i] - oracle.pixels()[i]));
            }
            assertThat(max).as("max abs difference to dcmdjpeg").isLessThanOrEqualTo(2);
        } else {
            assertThat(ours.pixels()).isEqualTo(oracle.pixels());
        }
    }
}
