package org.cxrstudio.core.dicom.codec;

import java.io.IOException;

/**
 * A frame could not be decoded: the compressed data is corrupt or truncated, disagrees with
 * the {@link FrameInfo} from the dataset, or uses a feature the decoder does not implement.
 * The message names the codec and the problem; callers add the file name.
 */
public class CodecException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, e.g. {@code "RLE: segment 2 offset 9000 is past the end (4096 bytes)"} */
    public CodecException(String message) {
        super(message);
    }

    /** @param message what went wrong; {@code cause} is the underlying library failure */
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
