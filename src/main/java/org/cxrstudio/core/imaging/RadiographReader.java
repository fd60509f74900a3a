package org.cxrstudio.core.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cxrstudio.core.dicom.DicomException;
import org.cxrstudio.core.dicom.DicomImage;
import org.cxrstudio.core.dicom.DicomReader;
import org.cxrstudio.core.dicom.codec.Codecs;
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
            throw unknown(name);
        }
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        return read(name, data);
    }

    /**
     * Reads and decodes a radiograph held in memory (e.g. a WADO download), recognising the format
     * from the content as {@link #read(Path)} does.
     *
     * @param name names the source in messages, e.g. a file name or URL
     * @param data the whole file (not modified)
     * @throws ImageReadException if the data is empty, of an unknown format, corrupt, exceeds a
     *                            limit, or uses an unsupported encoding
     */
    public static Radiograph read(String name, byte[] data) throws ImageReadException {
        if (data.length == 0) {
            throw new ImageReadException(name + ": empty file");
        }
        if (data.length > ImageLimits.MAX_FILE_BYTES) {
            throw new ImageReadException(name + ": " + data.length + " bytes exceed the limit of "
                    + ImageLimits.MAX_FILE_BYTES + " bytes");
        }
        SourceFormat format = SourceFormat.sniff(data, Math.min(data.length, SourceFormat.HEAD_BYTES));
        if (format == SourceFormat.UNKNOWN) {
            throw unknown(name);
        }
        long t0 = System.nanoTime();
        Radiograph r = switch (format) {
            case PNG, JPEG -> RasterImageReader.read(name, data, format);
            default -> readDicom(name, data, format);
        };
        LOG.debug("{}: read {} {}x{} in {} ms", name, r.format(), r.columns(), r.rows(), (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    private static ImageReadException unknown(String name) {
        return new ImageReadException(name + ": not a DICOM, PNG or JPEG file (unrecognised content)");
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
        DicomImage d;
        try {
            d = DicomReader.read(data, name);
        } catch (DicomException e) {
            throw new ImageReadException(e.getMessage(), e);
        } catch (RuntimeException e) { // a parser bug must still be one clear line, not a crash
            LOG.warn("{}: unexpected failure reading DICOM: {}", name, e.toString());
            LOG.debug("stack trace", e);
            throw new ImageReadException(name + ": cannot read DICOM (" + e + ")", e);
        }
        return toRadiograph(d);
    }

    static Radiograph toRadiograph(DicomImage d) {
        List<WindowLevel> windows = new ArrayList<>();
        for (int i = 0; i < d.windowCenters().length; i++) {
            windows.add(new WindowLevel(d.windowCenters()[i], d.windowWidths()[i]));
        }
        Optional<Radiograph.VoiLut> lut = Optional.ofNullable(d.voiLut())
                .map(t -> new Radiograph.VoiLut(t.firstMapped(), t.bits(), t.table()));
        Photometric p = "MONOCHROME1".equals(d.photometric()) ? Photometric.MONOCHROME1 : Photometric.MONOCHROME2;
        String format = "DICOM " + Codecs.describe(d.transferSyntaxUid()) + " (" + d.transferSyntaxUid() + ")";
        return new Radiograph(d.columns(), d.rows(), d.pixels(), d.bitsAllocated(), d.bitsStored(), d.signed(), p,
                d.rescaleSlope(), d.rescaleIntercept(), windows, lut, Optional.ofNullable(d.pixelSpacingMm()),
                d.viewPosition(), format, d.metadata(), d.patient());
    }
}
