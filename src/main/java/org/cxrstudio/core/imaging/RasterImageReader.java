package org.cxrstudio.core.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cxrstudio.core.dicom.Colourfulness;

/**
 * PNG and JPEG input through JDK ImageIO: 1–16-bit gray kept as is, RGB and palette images
 * converted to gray with BT.601 luma ({@code 0.299R + 0.587G + 0.114B}, exact when R=G=B); how
 * colourful they were is kept in the metadata ({@link Colourfulness}) so that the input gate can
 * refuse colour photographs.
 * The size is read from the header and checked against {@link ImageLimits} before any pixel
 * is decoded; a decoder warning (e.g. a truncated JPEG that ImageIO would pad with gray)
 * is an error.
 */
final class RasterImageReader {
    private RasterImageReader() { }

    static Radiograph read(String name, byte[] data, SourceFormat format) throws ImageReadException {
        if (format == SourceFormat.PNG) {
            PngChunks.check(name, data);
        }
        String formatName = format == SourceFormat.PNG ? "png" : "jpeg";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        if (!readers.hasNext()) {
            throw new ImageReadException(name + ": no " + formatName + " decoder available");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((src, warning) -> warnings.add(warning));
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            ImageLimits.checkDimensions(name, w, h);
            // ImageIO's raster (up to 8 bytes a pixel: 16-bit RGBA) plus our int[] of gray values
            ImageLimits.checkHeap(name, "decoding " + w + "x" + h + " " + format, 12L * w * h);
            BufferedImage img = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new ImageReadException(name + ": corrupt " + format + " (" + warnings.get(0) + ")");
            }
            return toRadiograph(name, img, format);
        } catch (ImageReadException e) {
            throw e;
        } catch (IIOException e) {
            throw new ImageReadException(name + ": cannot decode " + format + ": " + rootMessage(e), e);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(name + ": corrupt or truncated " + format + ": " + rootMessage(e), e);
        } finally {
            reader.dispose();
        }
    }

    private static Radiograph toRadiograph(String name, BufferedImage img, SourceFormat format)
            throws ImageReadException {
        Raster raster = img.getRaster();
        ColorModel cm = img.getColorModel();
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = new int[w * h];
        int bits;
        String colour;
        Colourfulness colourfulness = null;
        if (cm instanceof IndexColorModel icm) {
            colourfulness = new Colourfulness(255);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int rgb = icm.getRGB(row[x]);
                    int r = (rgb >> 16) & 0xFF;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    px[y * w + x] = luma(r, g, b);
                    colourfulness.add(r, g, b);
                }
            }
            bits = 8;
            colour = "palette";
        } else if (cm.getNumColorComponents() == 1) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                System.arraycopy(row, 0, px, y * w, w);
            }
            bits = cm.getComponentSize(0);
            colour = "gray";
        } else if (cm.getNumColorComponents() == 3 && raster.getNumBands() >= 3) {
            int[][] rows = new int[3][w];
            colourfulness = new Colourfulness((1 << cm.getComponentSize(0)) - 1);
            for (int y = 0; y < h; y++) {
                for (int b = 0; b < 3; b++) {
                    raster.getSamples(0, y, w, 1, b, rows[b]);
                }
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = luma(rows[0][x], rows[1][x], rows[2][x]);
                    colourfulness.add(rows[0][x], rows[1][x], rows[2][x]);
                }
            }
            bits = cm.getComponentSize(0);
            colour = "rgb";
        } else {
            throw new ImageReadException(name + ": unsupported " + format + " colour model with "
                    + cm.getNumComponents() + " components");
        }
        if (bits < 1 || bits > 16) {
            throw new ImageReadException(name + ": unsupported " + format + " sample depth of " + bits + " bits");
        }
        int allocated = bits <= 8 ? 8 : 16;
        List<WindowLevel> windows = bits <= 8 ? List.of(new WindowLevel((1 << bits) / 2.0, 1 << bits)) : List.of();
        String description = format + " " + bits + "-bit " + colour + ("gray".equals(colour) ? "" : " (converted to gray)");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("SourceEncoding", description);
        if (colourfulness != null) {
            colourfulness.putInto(metadata);
        }
        return new Radiograph(w, h, px, allocated, bits, false, Photometric.MONOCHROME2, 1, 0, windows,
                Optional.empty(), Optional.empty(), "", format.name(), metadata, Map.of());
    }

    private static int luma(int r, int g, int b) {
        if (r == g && g == b) {
            return r;
        }
        return (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
