package org.cxrstudio.core.screening;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inputs the input gate must refuse even by its header rules alone, for tests of every scoring path. */
public final class TestInputs {
    private TestInputs() { }

    /**
     * A gray PNG that passes the gate's header and image rules (not blank: a checkerboard of
     * 32 px blocks at {@code gray ± 20}) and whose mean is {@code gray}, so a brightness test
     * model scores it like a uniform image of that gray.
     *
     * @param gray 20..235; {@code size} a multiple of 64
     */
    public static Path film(Path file, int size, int gray) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.getRaster().setSample(x, y, 0, ((x / 32 + y / 32) % 2 == 0) ? gray + 20 : gray - 20);
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** A colour photograph-like PNG (red and blue halves), which the gate's colour rule refuses. */
    public static Path colourPng(Path file, int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, x < size / 2 ? 0xD03020 : 0x2040C0);
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** A {@code size×size} 8-bit DICOM whose Modality is CT (a gray ramp, so it decodes fine). */
    public static Path ctDicom(Path file, int size) throws IOException {
        int[] px = new int[size * size];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % size) * 255 / Math.max(1, size - 1);
        }
        byte[] bytes = new DicomWriter()
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.2")
                .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.98765")
                .string(Tags.MODALITY, "CS", "CT")
                .us(Tags.SAMPLES_PER_PIXEL, 1)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                .us(Tags.ROWS, size)
                .us(Tags.COLUMNS, size)
                .us(Tags.BITS_ALLOCATED, 8)
                .us(Tags.BITS_STORED, 8)
                .us(Tags.HIGH_BIT, 7)
                .us(Tags.PIXEL_REPRESENTATION, 0)
                .pixels8(px)
                .toBytes("1.2.840.10008.1.2.1");
        return Files.write(file, bytes);
    }
}
