package org.cxrstudio.core.dicom.codec;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes through a {@code javax.imageio} plugin: the JDK's JPEG reader (8-bit baseline and
 * extended) or jai-imageio's JPEG 2000 reader. Three-component JPEG comes back as coded, without
 * colour conversion (YBR_FULL/YBR_FULL_422 stay Y, Cb, Cr; chroma upsampled), as
 * {@code dcmdjpeg --conv-never} does; three-component JPEG 2000 comes back as RGB after the
 * inverse component transform (DICOM's YBR_ICT/YBR_RCT decode to RGB). One-component images
 * are the stored sample values masked to bits allocated.
 *
 * <p>Any failure inside the plugin, including the unchecked exceptions some plugins throw on
 * corrupt data, becomes a {@link CodecException}. Thread-safe: a new reader per call.
 */
final class ImageIoDecoder {

    private ImageIoDecoder() {
    }

    /**
     * @param format ImageIO format name, {@code "jpeg"} or {@code "jpeg2000"}
     * @param codec  name for messages
     */
    static int[] decode(byte[] frame, FrameInfo info, String format, String codec) throws CodecException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new CodecException(codec + ": no ImageIO reader for '" + format + "' on the class path");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width != info.columns() || height != info.rows()) {
                throw new CodecException(codec + ": code stream is " + width + "x" + height
                        + " but the dataset says " + info.columns() + "x" + info.rows());
            }
            if (info.samplesPerPixel() == 3 && "jpeg".equals(format)) {
                // raw components as coded (YCbCr stays YCbCr, matching the photometric), chroma upsampled
                Raster raster = reader.readRaster(0, null);
                if (raster.getNumBands() != 3) {
                    throw new CodecException(codec + ": dataset says 3 samples per pixel but the code stream has "
                            + raster.getNumBands());
                }
                return raster.getPixels(raster.getMinX(), raster.getMinY(), width, height, new int[width * height * 3]);
            }
            BufferedImage image = reader.read(0);
            return samples(image, info, codec);
        } catch (CodecException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new CodecException(codec + ": cannot decode: " + e, e);
        } catch (ThreadDeath e) {
            // jj2000 (inside jai-imageio) reports some corrupt code streams by printing the real
            // exception to stderr and throwing ThreadDeath, which carries no detail
            throw new CodecException(codec + ": corrupt or truncated code stream (the decoder aborted)", e);
        } catch (Error e) {
            if (e.getClass() != Error.class) {
                throw e; // VirtualMachineError, LinkageError, …: not about the data
            }
            // jj2000 throws plain java.lang.Error for some corrupt code streams
            // ("Corrupted Bitstream: Could not parse EPH marker !")
            throw new CodecException(codec + ": corrupt code stream: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static int[] samples(BufferedImage image, FrameInfo info, String codec) throws CodecException {
        int w = info.columns();
        int h = info.rows();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int mask = info.bitsAllocated() >= 32 ? -1 : (1 << info.bitsAllocated()) - 1;
        if (info.samplesPerPixel() == 1) {
            int[] out = raster.getSamples(0, 0, w, h, 0, new int[w * h]);
            for (int i = 0; i < out.length; i++) {
                out[i] &= mask;
            }
            return out;
        }
        if (bands >= 3 && image.getType() != BufferedImage.TYPE_CUSTOM) {
            int[] out = new int[w * h * 3];
            int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < rgb.length; i++) {
                out[3 * i] = rgb[i] >> 16 & 0xFF;
                out[3 * i + 1] = rgb[i] >> 8 & 0xFF;
                out[3 * i + 2] = rgb[i] & 0xFF;
            }
            return out;
        }
        if (bands < 3) {
            throw new CodecException(codec + ": dataset says 3 samples per pixel but the code stream has " + bands);
        }
        return raster.getPixels(0, 0, w, h, new int[w * h * 3]);
    }
}
