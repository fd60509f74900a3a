package org.cxrstudio.core.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG/JPEG input through {@link RadiographReader}, good and bad. */
class RasterInputTest {
    @TempDir
    Path dir;

    private Path write(String name, BufferedImage img, String format) throws IOException {
        Path p = dir.resolve(name);
        assertThat(ImageIO.write(img, format, p.toFile())).isTrue();
        return p;
    }

    @Test
    void reads16BitGrayPngExactly() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.getRaster().setSample(x, y, 0, x * 1500 + y);
            }
        }
        // no extension: the format comes from the content
        Radiograph r = RadiographReader.read(write("noext", img, "png"));
        assertThat(r.columns()).isEqualTo(40);
        assertThat(r.rows()).isEqualTo(30);
        assertThat(r.bitsAllocated()).isEqualTo(16);
        assertThat(r.bitsStored()).isEqualTo(16);
        assertThat(r.format()).isEqualTo("PNG");
        assertThat(r.pixels()[29 * 40 + 39]).isEqualTo(39 * 1500 + 29);
        assertThat(r.windows()).isEmpty();
    }

    @Test
    void reads8BitGrayPngWithIdentityWindow() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 256; i++) {
            img.getRaster().setSample(i % 16, i / 16, 0, i);
        }
        Radiograph r = RadiographReader.read(write("a.dcm", img, "png")); // misleading name
        assertThat(r.bitsStored()).isEqualTo(8);
        GrayImage g = DisplayPipeline.render(r, null, false);
        for (int i = 0; i < 256; i++) {
            assertThat(g.gray()[i] & 0xFF).isEqualTo(i);
        }
    }

    @Test
    void rgbPngBecomesLumaGray() throws IOException {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(1, 0, 0x808080);
        Radiograph r = RadiographReader.read(write("c.png", img, "png"));
        assertThat(r.pixels()[0]).isEqualTo(76); // round(0.299*255)
        assertThat(r.pixels()[1]).isEqualTo(128);
        assertThat(r.metadata().get("SourceEncoding")).contains("rgb");
    }

    @Test
    void readsJpegApproximately() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.getRaster().setSample(x, y, 0, 100);
            }
        }
        Radiograph r = RadiographReader.read(write("x.jpg", img, "jpeg"));
        assertThat(r.format()).isEqualTo("JPEG");
        assertThat(r.pixels()[64 * 32 + 32]).isBetween(98, 102);
    }

    @Test
    void emptyFile() throws IOException {
        Path p = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertThatThrownBy(() -> RadiographReader.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("empty.png").hasMessageContaining("empty file");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> RadiographReader.read(dir.resolve("nope.png")))
                .isInstanceOf(ImageReadException.class).hasMessageContaining("no such file");
    }

    @Test
    void textFileNamedPng() throws IOException {
        Path p = Files.writeString(dir.resolve("notes.png"), "just some text, not an image\n");
        assertThatThrownBy(() -> RadiographReader.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("notes.png").hasMessageContaining("not a DICOM, PNG or JPEG");
    }

    @Test
    void truncatedPngAtManyOffsets() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_USHORT_GRAY);
        for (int i = 0; i < 64 * 64; i++) {
            img.getRaster().setSample(i % 64, i / 64, 0, i * 13);
        }
        byte[] full = Files.readAllBytes(write("full.png", img, "png"));
        for (int cut = 1; cut < full.length; cut += Math.max(1, full.length / 40)) {
            Path p = Files.write(dir.resolve("cut.png"), Arrays.copyOf(full, cut));
            assertThatThrownBy(() -> RadiographReader.read(p)).as("cut at %d", cut)
                    .isInstanceOf(ImageReadException.class).hasMessageContaining("cut.png");
        }
    }

    @Test
    void truncatedJpegIsAnError() throws IOException {
        BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 128 * 128; i++) {
            img.getRaster().setSample(i % 128, i / 128, 0, (i * 7) & 0xFF);
        }
        byte[] full = Files.readAllBytes(write("full.jpg", img, "jpeg"));
        Path p = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> RadiographReader.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("cut.jpg");
    }

    @Test
    void hugeDeclaredDimensionsRejectedBeforeDecoding() throws IOException {
        Path p = Files.write(dir.resolve("huge.png"), pngWithHeader(100_000, 100_000));
        assertThatThrownBy(() -> RadiographReader.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("huge.png").hasMessageContaining("100000x100000");
        Path q = Files.write(dir.resolve("wide.png"), pngWithHeader(16000, 16000)); // 256 MP
        assertThatThrownBy(() -> RadiographReader.read(q)).hasMessageContaining("megapixels");
    }

    @Test
    void tinyImageRejected() throws IOException {
        Path p = write("tiny.png", new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png");
        assertThatThrownBy(() -> RadiographReader.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("too small");
    }

    @Test
    void chunkClaimingMoreThanFileHas() throws IOException {
        byte[] png = pngWithHeader(64, 64);
        png[33 + 3] = (byte) 0x7F; // IDAT length byte -> enormous
        png[33] = (byte) 0x7F;
        Path p = Files.write(dir.resolve("bomb.png"), png);
        assertThatThrownBy(() -> RadiographReader.read(p)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("claims");
    }

    /** A PNG with a valid IHDR of the given size, an empty IDAT and IEND. */
    static byte[] pngWithHeader(int w, int h) throws IOException {
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
}
