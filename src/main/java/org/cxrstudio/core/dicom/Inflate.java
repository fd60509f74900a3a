package org.cxrstudio.core.dicom;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the dataset of a Deflated Explicit VR Little Endian file with a hard output cap, so a
 * deflate bomb (a few KB expanding to gigabytes) fails fast instead of exhausting memory. The
 * output buffer grows with the data actually produced, never to the cap up front.
 */
final class Inflate {
    /** Largest inflated dataset accepted (256 MiB: a 100-megapixel 16-bit image plus headers fits). */
    static final int MAX_INFLATED_BYTES = 256 << 20;

    private Inflate() { }

    static byte[] inflate(byte[] data, int offset, String source) throws DicomException {
        try {
            return run(data, offset, true, MAX_INFLATED_BYTES, source);
        } catch (DataFormatException raw) {
            try { // some writers wrongly add the zlib header
                return run(data, offset, false, MAX_INFLATED_BYTES, source);
            } catch (DataFormatException e) {
                throw new DicomException(source + ": corrupt deflated dataset (" + raw.getMessage() + ")", raw);
            }
        }
    }

    static byte[] run(byte[] data, int offset, boolean nowrap, int cap, String source)
            throws DataFormatException, DicomException {
        Inflater inf = new Inflater(nowrap);
        try {
            inf.setInput(data, offset, data.length - offset);
            byte[] out = new byte[Math.min(cap, Math.max(1 << 16, (data.length - offset) * 4))];
            int n = 0;
            while (!inf.finished()) {
                if (n == out.length) {
                    if (out.length >= cap) {
                        throw new DicomException(source + ": deflated dataset expands beyond the limit of "
                                + cap + " bytes (deflate bomb?)");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(cap, out.length * 2L));
                }
                int k = inf.inflate(out, n, out.length - n);
                n += k;
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DicomException(source + ": deflated dataset is truncated");
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        } finally {
            inf.end();
        }
    }
}
