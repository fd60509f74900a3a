package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes after the top-level Pixel Data: a trailing element whose header or value runs past the
 * end of the data is an error, in plain and deflated files, as dcmtk 3.6.7 ({@code dcmdump})
 * decides; tolerated oddities (non-standard VR, padding, a stray delimiter) stay accepted. The
 * expected verdict of each case is dcmdump's; when dcmdump is installed, it is asked again.
 */
class TrailingElementsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("private element", bytes(9, 0x10, "LO", 4, "ABCD"), true),
                Arguments.of("trailing padding", longElement(0xFFFC, 0xFFFC, "OB", 4, new byte[4]), true),
                Arguments.of("eight zero bytes", new byte[8], true),
                Arguments.of("odd length", bytes(9, 0x10, "LO", 3, "ABC"), true),
                Arguments.of("stray item delimitation", new byte[] {-2, -1, 0x0D, -32, 0, 0, 0, 0}, true),
                Arguments.of("lower-case VR, 2-byte length", bytes(9, 0x10, "zz", 4, "ABCD"), true),
                Arguments.of("long element claims 1000 bytes, 10 left",
                        longElement(9, 0x1010, "OB", 1000, new byte[10]), false),
                Arguments.of("short element cut", bytes(9, 0x10, "LO", 4, "AB"), false),
                Arguments.of("five stray bytes", new byte[] {1, 2, 3, 4, 5}, false),
                Arguments.of("two zero bytes", new byte[2], false),
                Arguments.of("upper-case unknown VR, 4-byte length past the end", bytes(9, 0x10, "ZZ", 4, "ABCD"), false),
                Arguments.of("undefined-length sequence never closed",
                        concat(longElement(9, 0x1010, "SQ", -1, new byte[0]), new byte[] {-2, -1, 0, -32, 0, 0, 0, 0}),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictAfterPixelDataMatchesDcmtk(String name, byte[] trailing, boolean accepted) throws IOException {
        byte[] dataset = concat(SyntheticDicom.ramp12().dataset(true, false), trailing);
        byte[] plain = concat(explicitHeader(), dataset);
        byte[] deflated = DeflatedFixtures.file(dataset);
        for (byte[] file : new byte[][] {plain, deflated}) {
            String kind = file == plain ? "explicit LE" : "deflated";
            assertThat(ours(file)).as("ours, " + kind + ", " + name).isEqualTo(accepted ? "ok" : "error");
            if (Dcmtk.available()) {
                Path p = Files.write(dir.resolve("t.dcm"), file);
                assertThat(dcmdump(p)).as("dcmdump, " + kind + ", " + name).isEqualTo(accepted);
            }
        }
    }

    private static String ours(byte[] file) {
        try {
            DicomReader.read(file, "t.dcm");
            return "ok";
        } catch (DicomException e) {
            assertThat(e.getMessage()).startsWith("t.dcm: ").containsAnyOf("exceeds", "truncated", "missing");
            return "error";
        }
    }

    private static boolean dcmdump(Path p) throws IOException {
        try {
            Dcmtk.run("dcmdump", "-q", p.toString());
            return true;
        } catch (IOException e) {
            if (e.getMessage().contains("exited")) {
                return false;
            }
            throw e;
        }
    }

    /** Preamble and meta header of an explicit VR LE file (its length is fixed by the meta elements). */
    private static byte[] explicitHeader() {
        DicomWriter w = SyntheticDicom.ramp12();
        byte[] whole = w.toBytes(TransferSyntax.EXPLICIT_LE);
        return Arrays.copyOf(whole, whole.length - w.dataset(true, false).length);
    }

    private static byte[] bytes(int group, int element, String vr, int length, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8),
            (byte) vr.charAt(0), (byte) vr.charAt(1), (byte) length, (byte) (length >> 8)});
        out.writeBytes(value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] longElement(int group, int element, String vr, int length, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8),
            (byte) vr.charAt(0), (byte) vr.charAt(1), 0, 0,
            (byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)});
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return DicomBadInputTest.concat(a, b);
    }
}
