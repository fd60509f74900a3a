package org.cxrstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input list through the real command line: each gives exit code 1 and one
 * {@code error:} line naming the file and the problem, no stack trace, in bounded time.
 */
class InspectBadInputTest {
    @TempDir
    Path dir;

    static DicomWriter image(int rows, int cols, int allocated, int stored) {
        return new DicomWriter().string(Tags.MODALITY, "CS", "CR").us(Tags.SAMPLES_PER_PIXEL, 1)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2").us(Tags.ROWS, rows)
                .us(Tags.COLUMNS, cols).us(Tags.BITS_ALLOCATED, allocated).us(Tags.BITS_STORED, stored)
                .us(Tags.HIGH_BIT, stored - 1).us(Tags.PIXEL_REPRESENTATION, 0);
    }

    @Test
    void everyBadInputIsOneErrorLine() throws IOException {
        byte[] good = image(64, 64, 16, 12).pixels16(new int[64 * 64]).toBytes(TransferSyntax.EXPLICIT_LE);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("empty.dcm", new byte[0]);
        cases.put("truncated.dcm", Arrays.copyOf(good, good.length - 1000));
        byte[] wrongLength = good.clone();
        int modality = indexOf(wrongLength, new byte[] {0x08, 0x00, 0x60, 0x00, 'C', 'S'});
        wrongLength[modality + 7] = 0x70; // length 0x7002
        cases.put("wrong-length.dcm", wrongLength);
        byte[] oddVr = good.clone();
        oddVr[modality + 4] = 'q';
        cases.put("odd-vr.dcm", oddVr);
        cases.put("no-pixels.dcm", image(64, 64, 16, 12).toBytes(TransferSyntax.EXPLICIT_LE));
        cases.put("16-claims-8.dcm", image(64, 64, 8, 8).pixels16(new int[64 * 64]).toBytes(TransferSyntax.EXPLICIT_LE));
        cases.put("huge-dims.dcm", image(40000, 40000, 16, 12).pixels16(new int[16]).toBytes(TransferSyntax.EXPLICIT_LE));
        cases.put("deflate-bomb.dcm", bomb());
        byte[] random = new byte[20000];
        new Random(1).nextBytes(random);
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, random, 128, 4);
        cases.put("random.dcm", random);
        cases.put("tiny.png", png(3, 3));
        cases.put("huge.png", png(20000, 20000));
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            Path f = Files.write(dir.resolve(c.getKey()), c.getValue());
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("inspect", f.toString()));
            assertThat(run.exit()).as(c.getKey()).isEqualTo(1);
            String err = run.err().strip();
            assertThat(err).as(c.getKey()).startsWith("error: " + f).doesNotContain("\n").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(run.out()).as(c.getKey()).isEmpty();
        }
    }

    /** A deflated-syntax file whose dataset inflates to 300 MB of zeros. */
    private static byte[] bomb() {
        byte[] honest = image(8, 8, 16, 12).pixels16(new int[64]).toBytes(TransferSyntax.DEFLATED_EXPLICIT_LE);
        int header = 144 + ((honest[140] & 0xFF) | (honest[141] & 0xFF) << 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(honest, 0, header);
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < 300; i++) {
            d.setInput(zeros);
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bos);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return bos.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
