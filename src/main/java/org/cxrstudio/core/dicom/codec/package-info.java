/**
 * Pixel-data codecs for encapsulated DICOM transfer syntaxes: RLE lossless, JPEG lossless
 * (process 14), JPEG-LS, JPEG baseline/extended (JDK ImageIO) and JPEG 2000 (the system's
 * OpenJPEG through JNA, jai-imageio-jpeg2000 when it is absent). Each {@link org.cxrstudio.core.dicom.codec.FrameDecoder} turns the
 * bytes of one frame into raw sample values; the Part 10 parser in {@code core.dicom} does the
 * masking, sign extension and gray conversion. Decoders are proven bit-exact against dcmtk in
 * the tests and throw {@link java.io.IOException} (never loop, never over-allocate) on corrupt
 * input.
 */
package org.cxrstudio.core.dicom.codec;
