package org.cxrstudio.core.dicom.codec;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 lossless only, …4.91 lossy). Accepts a raw J2K code stream
 * (as DICOM stores it) or a JP2 file.
 *
 * <p>Our own check of the SIZ segment ({@link J2kSiz}) comes first and refuses streams that are
 * invalid or contradict the dataset. Then two paths, same output: the system's OpenJPEG
 * ({@link OpenJpegDecoder}; 2–2.5× faster warm, 3–4× cold, see docs/benchmarks.md) for the plain code streams J2kSiz accepts,
 * and jai-imageio-jpeg2000 (pure Java) for the rest, when {@code libopenjp2} is not installed or
 * its binding fails, and when the system property {@code cxr.j2k=java} is set.
 *
 * <p>When OpenJPEG rejects the data of a stream that passed the SIZ check, its message is the
 * error and jai-imageio is not tried: jj2000 can loop forever on such streams (a corrupt 64×64
 * stream that OpenJPEG rejects in 7 ms kept jj2000's {@code PktDecoder.readPktHead} busy for
 * over a minute), and a stream that OpenJPEG, the reference decoder, calls corrupt is corrupt.
 * OpenJPEG runs in strict mode, so a truncated stream is an error, not a partly empty image.
 */
public final class Jpeg2000Decoder implements FrameDecoder {

    /** System property: {@code java} forces jai-imageio; anything else lets OpenJPEG be used. */
    public static final String PATH_PROPERTY = "cxr.j2k";

    private static final Logger LOG = LoggerFactory.getLogger(Jpeg2000Decoder.class);
    private static final String CODEC = "JPEG 2000";

    private final boolean allowNative;

    /** Uses OpenJPEG when it is installed, unless {@code -Dcxr.j2k=java}. */
    public Jpeg2000Decoder() {
        this(!"java".equalsIgnoreCase(System.getProperty(PATH_PROPERTY, "").trim()));
    }

    /** @param allowNative false forces jai-imageio (tests compare the two paths) */
    Jpeg2000Decoder(boolean allowNative) {
        this.allowNative = allowNative;
    }

    @Override
    public int[] decode(byte[] frame, FrameInfo info) throws CodecException {
        Frames.checkGeometry(CODEC, info);
        if (frame.length < 2) {
            throw new CodecException(CODEC + ": frame is empty");
        }
        Optional<J2kSiz> siz = J2kSiz.check(frame, info); // throws for a stream no decoder should see
        Optional<OpenJp2> lib = allowNative && siz.isPresent() ? OpenJp2.library() : Optional.empty();
        if (lib.isPresent()) {
            try {
                // a CodecException here is final: see the class comment
                return OpenJpegDecoder.decode(lib.get(), frame, info, siz.get());
            } catch (LinkageError | RuntimeException bindingFailed) {
                LOG.warn("JPEG 2000: OpenJPEG call failed ({}), using the Java decoder", bindingFailed.toString());
            }
        }
        return ImageIoDecoder.decode(frame, info, "jpeg2000", CODEC);
    }

    /**
     * Loads OpenJPEG and JNA now (150–300 ms: JNA unpacks its stub, binds the library) so the first
     * JPEG 2000 file opened does not pay for it. For a background thread at application start;
     * does nothing with {@code -Dcxr.j2k=java}.
     *
     * @return whether OpenJPEG will be used
     */
    public static boolean preload() {
        return new Jpeg2000Decoder().usesNative();
    }

    /** True when this decoder would use OpenJPEG for a plain code stream (for benchmarks and logs). */
    public boolean usesNative() {
        return allowNative && OpenJp2.library().isPresent();
    }
}
