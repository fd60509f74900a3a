package org.cxrstudio.core.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads any supported radiograph file (DICOM, PNG, JPEG), recognising the format from the
 * content. Every failure is an {@link ImageReadException} whose one-line message names the
 * file and the problem; sizes are checked before allocation, so hostile files cannot exhaust
 * memory. Stateless and thread-safe.
 *
 * <pre>{@code
 * Radiograph r = RadiographReader.read(Path.of("chest.dcm"));
 * GrayImage shown = DisplayPipeline.render(r, null, false);
 * }</pre>
 */
public final class RadiographReader {
    private static final Logger LOG = LoggerFactory.getLogger(RadiographReader.class);

    private RadiographReader() { }

    /**
     * Reads and decodes a radiograph (first frame of multi-frame DICOM).
     *
     * @throws ImageReadException if the file is missing, empty, too large, of an unknown format,
     *                            corrupt, or uses an unsupported encoding
     */
    public static Radiograph read(Path file) throws ImageReadException {
        String name = file.toString();
        long size;
        try {
            if (Files.isDirectory(file)) {
                throw new ImageReadException(name + ": is a directory, not an image file");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImageReadException(name + ": no such file");
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (size == 0) {
            throw new ImageReadException(name + ": empty file");
        }
        if (size > ImageLimits.MAX_FILE_BYTES) {
            throw new ImageReadException(name + ": file of " + size + " bytes exceeds the limit of "
                    + ImageLimits.MAX_FILE_BYTES + " bytes");
        }
        SourceFormat format = sniff(file, name);
        if (format == SourceFormat.UNKNOWN) {
            throw new ImageReadException(name + ": not a DICOM, PNG or JPEG file (unrecognised content)");
        }
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        long t0 = System.nanoTime();
        Radiograph r = switch (format) {
            case PNG, JPEG -> RasterImageReader.read(name, data, format);
            default -> readDicom(name, data, format);
        };
        LOG.debug("{}: read {} {}x{} in {} ms", name, r.format(), r.columns(), r.rows(), (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    /** The format of a file from its first bytes. */
    public static SourceFormat sniff(Path file) throws ImageReadException {
        return sniff(file, file.toString());
    }

    private static SourceFormat sniff(Path file, String name) throws ImageReadException {
        byte[] head = new byte[SourceFormat.HEAD_BYTES];
        int len = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (len < head.length && (n = in.read(head, len, head.length - len)) > 0) {
                len += n;
            }
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        return SourceFormat.sniff(head, len);
    }

    private static Radiograph readDicom(String name, byte[] data, SourceFormat format) throws ImageReadException {
        throw new ImageReadException(name + ": DICOM input is not implemented yet");
    }
}
