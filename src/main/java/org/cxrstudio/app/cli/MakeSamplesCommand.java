package org.cxrstudio.app.cli;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.cxrstudio.core.imaging.ChestPhantom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make-samples}: writes the synthetic chest phantom as DICOM in several native transfer
 * syntaxes (a MONOCHROME1 12-bit file and its MONOCHROME2 16-bit twin, plus implicit LE, big
 * endian, deflated and RLE lossless variants) and as PNG, into {@code sample-images/} by default. Output is
 * byte-for-byte deterministic, so the committed samples can be checked against a fresh run.
 */
@Command(name = "make-samples", mixinStandardHelpOptions = true,
        description = "Write the synthetic chest phantom as DICOM and PNG sample images.")
final class MakeSamplesCommand extends CliCommand {
    static final long SEED = 20261122L;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sample-images",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        PrintWriter pw = out();
        double[] big = ChestPhantom.generate(512, SEED);
        double[] small = ChestPhantom.generate(256, SEED);
        write("chest-phantom-mono1-12bit.dcm", mono1(big, 512, 12).string(Tags.WINDOW_CENTER, "DS", "2048")
                .string(Tags.WINDOW_WIDTH, "DS", "4096").toBytes(TransferSyntax.EXPLICIT_LE), pw);
        write("chest-phantom-mono2-16bit.dcm", mono2(big, 512, 16).toBytes(TransferSyntax.EXPLICIT_LE), pw);
        write("chest-phantom-mono2-16bit-implicit-le.dcm", mono2(small, 256, 16).toBytes(TransferSyntax.IMPLICIT_LE), pw);
        write("chest-phantom-mono2-12bit-big-endian.dcm", mono2(small, 256, 12).toBytes(TransferSyntax.EXPLICIT_BE), pw);
        write("chest-phantom-mono1-12bit-deflated.dcm",
                mono1(small, 256, 12).toBytes(TransferSyntax.DEFLATED_EXPLICIT_LE), pw);
        write("chest-phantom-mono2-12bit-rle.dcm", mono2(small, 256, 12).toBytes(TransferSyntax.RLE_LOSSLESS), pw);
        BufferedImage png = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) png.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) Math.round(big[i] * 255);
        }
        Path tmp = out.resolve("chest-phantom.png.tmp");
        ImageIO.write(png, "png", tmp.toFile());
        Files.move(tmp, out.resolve("chest-phantom.png"), StandardCopyOption.REPLACE_EXISTING);
        pw.println(out.resolve("chest-phantom.png") + " (" + Files.size(out.resolve("chest-phantom.png")) + " bytes)");
        return 0;
    }

    /** MONOCHROME1: high attenuation has low stored values (displays inverted). */
    static DicomWriter mono1(double[] v, int size, int bits) {
        int max = (1 << bits) - 1;
        int[] px = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            px[i] = max - (int) Math.round(v[i] * max);
        }
        return header(size, bits, "MONOCHROME1").pixels16(px);
    }

    /** MONOCHROME2: high attenuation has high stored values. */
    static DicomWriter mono2(double[] v, int size, int bits) {
        int max = (1 << bits) - 1;
        int[] px = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            px[i] = (int) Math.round(v[i] * max);
        }
        return header(size, bits, "MONOCHROME2").pixels16(px);
    }

    private static DicomWriter header(int size, int bits, String photometric) {
        String uid = DicomWriter.IMPLEMENTATION_CLASS_UID;
        String spacing = String.format(java.util.Locale.ROOT, "%.4f\\%.4f", 358.4 / size, 358.4 / size);
        return new DicomWriter()
                .string(Tags.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100")
                .string(Tags.IMAGE_TYPE, "CS", "DERIVED\\SECONDARY")
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1")
                .string(Tags.SOP_INSTANCE_UID, "UI", uid + "." + size + bits + photometric.length())
                .string(Tags.MODALITY, "CS", "CR")
                .string(Tags.MANUFACTURER, "LO", "CXR Studio synthetic phantom")
                .string(Tags.PATIENT_NAME, "PN", "Phantom^Synthetic")
                .string(Tags.PATIENT_ID, "LO", "PHANTOM-0001")
                .string(Tags.PATIENT_SEX, "CS", "O")
                .string(Tags.BODY_PART_EXAMINED, "CS", "CHEST")
                .string(Tags.IMAGER_PIXEL_SPACING, "DS", spacing)
                .string(Tags.VIEW_POSITION, "CS", "PA")
                .string(Tags.STUDY_INSTANCE_UID, "UI", uid + ".2")
                .string(Tags.SERIES_INSTANCE_UID, "UI", uid + ".3")
                .string(0x00204000, "LT", "Synthetic chest phantom made by CXR Studio make-samples; not a patient image")
                .us(Tags.SAMPLES_PER_PIXEL, 1)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.ROWS, size)
                .us(Tags.COLUMNS, size)
                .us(Tags.BITS_ALLOCATED, 16)
                .us(Tags.BITS_STORED, bits)
                .us(Tags.HIGH_BIT, bits - 1)
                .us(Tags.PIXEL_REPRESENTATION, 0);
    }

    private void write(String name, byte[] bytes, PrintWriter pw) throws IOException {
        Path target = out.resolve(name);
        Path tmp = out.resolve(name + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        pw.println(target + " (" + bytes.length + " bytes)");
    }
}
