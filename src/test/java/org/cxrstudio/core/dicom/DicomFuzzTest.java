package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness: thousands of mutated files (truncations, byte flips, absurd lengths, wrong VRs)
 * must each either decode or fail with a {@link DicomException} / {@link ImageReadException},
 * within a bounded time, never with another exception or an out-of-memory error. Fixed seeds,
 * so a failure reproduces.
 */
class DicomFuzzTest {
    private static final String[] VRS = {"OB", "OW", "SQ", "UN", "UT", "US", "UL", "CS", "DS", "XX", "\0\0"};

    @TempDir
    Path dir;

    static List<byte[]> seeds() throws IOException {
        List<byte[]> s = new ArrayList<>();
        DicomWriter item = new DicomWriter().us(Tags.LUT_DESCRIPTOR, 4, 10, 12).raw(Tags.LUT_DATA, "OW", new byte[8]);
        DicomWriter w = SyntheticDicom.ramp12().sequence(Tags.VOI_LUT_SEQUENCE, List.of(item))
                .sequence(0x00082112, List.of(new DicomWriter().string(Tags.MODALITY, "CS", "OT"), new DicomWriter()))
                .string(Tags.WINDOW_CENTER, "DS", "2048\\100").string(Tags.WINDOW_WIDTH, "DS", "4096\\50");
        for (String ts : new String[] {TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_LE, TransferSyntax.EXPLICIT_BE,
            TransferSyntax.DEFLATED_EXPLICIT_LE}) {
            s.add(w.toBytes(ts));
        }
        s.add(w.dataset(false, false));
        Path real = DicomRealDataTest.RG1_JLS;
        if (Files.isRegularFile(real)) {
            byte[] b = Files.readAllBytes(real);
            s.add(Arrays.copyOf(b, Math.min(b.length, 20_000))); // header + start of the encapsulated stream
        }
        return s;
    }

    @Test
    void mutatedFilesFailCleanly() throws IOException {
        List<byte[]> seeds = seeds();
        Random rnd = new Random(20261122L);
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (byte[] seed : seeds) {
                for (int cut = 0; cut < seed.length; cut += Math.max(1, seed.length / 150)) {
                    check(Arrays.copyOf(seed, cut), outcome);
                }
                for (int i = 0; i < 400; i++) {
                    check(mutate(seed, rnd), outcome);
                }
            }
        });
        // both paths must be exercised: many mutations are caught, some still decode (flips in values)
        assertThat(outcome[0]).as("decoded").isGreaterThan(100);
        assertThat(outcome[1]).as("rejected").isGreaterThan(500);
    }

    @Test
    void randomBytesThroughTheFileReader() throws IOException {
        Random rnd = new Random(7);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 60; i++) {
                byte[] b = new byte[rnd.nextInt(4000)];
                rnd.nextBytes(b);
                if (i % 3 == 0 && b.length > 132) {
                    System.arraycopy("DICM".getBytes(), 0, b, 128, 4); // pass the sniffer
                } else if (i % 3 == 1 && b.length > 8) {
                    System.arraycopy(new byte[] {2, 0, 0x10, 0, 'U', 'I'}, 0, b, 0, 6);
                }
                Path p = Files.write(dir.resolve("r" + i), b);
                try {
                    RadiographReader.read(p);
                } catch (ImageReadException e) {
                    assertThat(e.getMessage()).startsWith(p.toString()).doesNotContain("\n");
                }
            }
        });
    }

    @Test
    void mutatedPngAndJpegFailCleanly() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(96, 96,
                java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        for (int i = 0; i < 96 * 96; i++) {
            img.getRaster().setSample(i % 96, i / 96, 0, (i * 611) & 0xFFFF);
        }
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(96, 96,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 96 * 96; i++) {
            rgb.setRGB(i % 96, i / 96, i * 7919);
        }
        List<byte[]> seeds = new ArrayList<>();
        for (Object[] s : new Object[][] {{img, "png"}, {rgb, "png"}, {rgb, "jpeg"}}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write((java.awt.image.RenderedImage) s[0], (String) s[1], out);
            seeds.add(out.toByteArray());
        }
        Random rnd = new Random(99);
        int[] ok = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (byte[] seed : seeds) {
                for (int i = 0; i < 150; i++) {
                    byte[] b = mutate(seed, rnd);
                    Path p = Files.write(dir.resolve("m.img"), b);
                    long t0 = System.nanoTime();
                    try {
                        RadiographReader.read(p);
                        ok[0]++;
                    } catch (ImageReadException e) {
                        assertThat(e.getMessage()).startsWith(p.toString()).doesNotContain("\n");
                        ok[1]++;
                    }
                    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
                }
            }
        });
        assertThat(ok[1]).as("rejected").isPositive();
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int start = b.length > 200 && b[128] == 'D' ? 132 : 0;
        int span = Math.min(b.length - start, 2000); // the header region, where structure lives
        if (span <= 4) {
            return b;
        }
        switch (rnd.nextInt(4)) {
            case 0 -> { // random byte flips
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                    b[start + rnd.nextInt(span)] = (byte) rnd.nextInt(256);
                }
            }
            case 1 -> { // absurd 32-bit length
                int p = start + rnd.nextInt(span - 4);
                int v = rnd.nextBoolean() ? 0xFFFFFFFF : 0x7FFFFFF0 + rnd.nextInt(16);
                b[p] = (byte) v;
                b[p + 1] = (byte) (v >> 8);
                b[p + 2] = (byte) (v >> 16);
                b[p + 3] = (byte) (v >> 24);
            }
            case 2 -> { // absurd 16-bit value (lengths, rows, columns, bits)
                int p = start + rnd.nextInt(span - 2);
                int v = new int[] {0, 1, 0xFFFF, 0x8000, 32, 17}[rnd.nextInt(6)];
                b[p] = (byte) v;
                b[p + 1] = (byte) (v >> 8);
            }
            default -> { // wrong VR at a place that looks like a VR
                for (int tries = 0; tries < 50; tries++) {
                    int p = start + rnd.nextInt(span - 2);
                    if (Character.isUpperCase(b[p]) && Character.isUpperCase(b[p + 1])) {
                        String vr = VRS[rnd.nextInt(VRS.length)];
                        b[p] = (byte) vr.charAt(0);
                        b[p + 1] = (byte) vr.charAt(1);
                        break;
                    }
                }
            }
        }
        return b;
    }

    private static void check(byte[] data, int[] outcome) {
        long t0 = System.nanoTime();
        try {
            DicomImage img = DicomReader.read(data, "fuzz.dcm");
            assertThat((long) img.columns() * img.rows()).isEqualTo(img.pixels().length);
            outcome[0]++;
        } catch (DicomException e) {
            assertThat(e.getMessage()).startsWith("fuzz.dcm: ").doesNotContain("\n");
            outcome[1]++;
        } catch (RuntimeException e) {
            throw new AssertionError("unexpected " + e + " on a " + data.length + "-byte input", e);
        }
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds for one read").isLessThan(2.0);
    }
}
