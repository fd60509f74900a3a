package org.cxrstudio.core.dicom.codec;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JNA binding to the system's OpenJPEG 2.x decoder ({@code libopenjp2}, Debian package
 * {@code libopenjp2-7}): only the functions the decoder needs. {@code size_t} and
 * {@code OPJ_OFF_T} are mapped to Java {@code long}, so the binding is only used on 64-bit
 * platforms. Struct offsets are those of OpenJPEG 2.x's {@code opj_image_t} and
 * {@code opj_image_comp_t} (checked against the 2.5.0 headers with {@code offsetof}).
 */
interface OpenJp2 extends Library {

    int OPJ_CODEC_J2K = 0;

    /** opj_image_t: x0, y0, x1, y1, numcomps, color_space as uint32, then the component array. */
    int IMAGE_X0 = 0;
    int IMAGE_Y0 = 4;
    int IMAGE_X1 = 8;
    int IMAGE_Y1 = 12;
    int IMAGE_NUMCOMPS = 16;
    int IMAGE_COMPS = 24;
    /** opj_image_comp_t: dx, dy, w, h, x0, y0, prec, bpp, sgnd, resno_decoded, factor, data, alpha. */
    int COMP_DX = 0;
    int COMP_DY = 4;
    int COMP_W = 8;
    int COMP_H = 12;
    int COMP_PREC = 24;
    int COMP_SGND = 32;
    int COMP_DATA = 48;
    int COMP_SIZE = 64;
    /** sizeof(opj_dparameters_t) is 8252 in 2.5.0; a larger zeroed block is passed. */
    int DPARAMETERS_BYTES = 64 * 1024;

    String opj_version();

    Pointer opj_create_decompress(int format);

    void opj_set_default_decoder_parameters(Pointer parameters);

    int opj_setup_decoder(Pointer codec, Pointer parameters);

    /** Since 2.2. */
    int opj_codec_set_threads(Pointer codec, int threads);

    /** Since 2.5: a truncated code stream is an error instead of a partly grey image. */
    int opj_decoder_set_strict_mode(Pointer codec, int strict);

    int opj_set_error_handler(Pointer codec, MessageHandler handler, Pointer clientData);

    int opj_set_warning_handler(Pointer codec, MessageHandler handler, Pointer clientData);

    Pointer opj_stream_create(long bufferSize, int isInput);

    void opj_stream_set_read_function(Pointer stream, ReadFunction function);

    void opj_stream_set_skip_function(Pointer stream, SkipFunction function);

    void opj_stream_set_seek_function(Pointer stream, SeekFunction function);

    void opj_stream_set_user_data_length(Pointer stream, long length);

    int opj_read_header(Pointer stream, Pointer codec, PointerByReference image);

    int opj_decode(Pointer codec, Pointer stream, Pointer image);

    int opj_end_decompress(Pointer codec, Pointer stream);

    void opj_image_destroy(Pointer image);

    void opj_stream_destroy(Pointer stream);

    void opj_destroy_codec(Pointer codec);

    /** {@code opj_msg_callback}; may be called from OpenJPEG's worker threads. */
    interface MessageHandler extends Callback {
        void invoke(String message, Pointer clientData);
    }

    /** {@code opj_stream_read_fn}: bytes copied into {@code buffer}, or -1 at the end. */
    interface ReadFunction extends Callback {
        long invoke(Pointer buffer, long bytes, Pointer userData);
    }

    /** {@code opj_stream_skip_fn}: bytes skipped (more than 0), or -1 at the end. */
    interface SkipFunction extends Callback {
        long invoke(long bytes, Pointer userData);
    }

    /** {@code opj_stream_seek_fn}: 1 when {@code position} is inside the stream. */
    interface SeekFunction extends Callback {
        int invoke(long position, Pointer userData);
    }

    /** The loaded library, or empty when it is absent, too old or not 64-bit; loaded once. */
    static Optional<OpenJp2> library() {
        return Loader.LIBRARY;
    }

    /** Holder: loads on first use, logs once why the native path is off. */
    final class Loader {
        private static final Logger LOG = LoggerFactory.getLogger(OpenJp2.class);
        static final Optional<OpenJp2> LIBRARY = load();

        private Loader() {
        }

        private static Optional<OpenJp2> load() {
            Throwable last = null;
            for (String name : new String[] {"libopenjp2.so.7", "openjp2"}) {
                try {
                    if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
                        LOG.info("JPEG 2000: not a 64-bit JVM, using the Java decoder");
                        return Optional.empty();
                    }
                    OpenJp2 lib = Native.load(name, OpenJp2.class);
                    String version = lib.opj_version();
                    if (!supported(version)) {
                        LOG.info("JPEG 2000: OpenJPEG {} is older than 2.3, using the Java decoder", version);
                        return Optional.empty();
                    }
                    LOG.debug("JPEG 2000: using OpenJPEG {} ({})", version, name);
                    return Optional.of(lib);
                } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
                    last = e;
                }
            }
            LOG.info("JPEG 2000: OpenJPEG (libopenjp2.so.7, Debian package libopenjp2-7) not found, using the slower"
                    + " Java decoder: {}", last.toString().lines().findFirst().orElse(""));
            return Optional.empty();
        }

        /** "2.3" and later 2.x: struct layout as above and the decoder fixes of 2017 on. */
        static boolean supported(String version) {
            String[] parts = version == null ? new String[0] : version.split("\\.");
            try {
                return parts.length >= 2 && Integer.parseInt(parts[0]) == 2 && Integer.parseInt(parts[1]) >= 3;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
