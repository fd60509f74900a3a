package org.cxrstudio.core.dicom.codec;

import java.io.IOException;

/**
 * Decodes the compressed bytes of one frame of encapsulated pixel data.
 *
 * <p>Implementations are stateless and thread-safe. They must treat the input as untrusted:
 * corrupt or truncated data gives an {@link IOException} with a message naming the problem,
 * never a hang, an unchecked exception or an allocation larger than the frame described by
 * {@link FrameInfo}.
 */
public interface FrameDecoder {

    /**
     * Decodes one frame.
     *
     * @param frame the frame's bytes (all fragments of the frame concatenated)
     * @param info  the frame geometry from the dataset
     * @return raw sample values, {@code rows × columns × samplesPerPixel} long, row-major and
     *         interleaved (R,G,B,R,G,B…) when there are 3 samples; values are as stored (not
     *         masked to bits stored, not sign-extended, no colour conversion)
     * @throws IOException if the data is corrupt, truncated or uses an unsupported feature
     */
    int[] decode(byte[] frame, FrameInfo info) throws IOException;
}
