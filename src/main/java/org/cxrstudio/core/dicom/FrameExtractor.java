package org.cxrstudio.core.dicom;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Finds the bytes of the first frame in encapsulated pixel data: via the basic offset table
 * when there is one, else one fragment per frame when the counts agree, else fragments up to
 * the first one that ends with an end-of-image marker ({@code FF D9}, used by JPEG, JPEG-LS and
 * JPEG 2000 code streams).
 */
final class FrameExtractor {
    private FrameExtractor() { }

    static byte[] firstFrame(DicomElement pixelData, int frames, String source) throws DicomException {
        List<int[]> f = pixelData.fragments();
        byte[] buf = pixelData.buffer();
        if (f.size() < 2) {
            throw new DicomException(source + ": encapsulated pixel data has no fragments");
        }
        int last = f.size() - 1; // index of the last fragment belonging to frame 0
        if (frames > 1) {
            int[] bot = f.get(0);
            if (bot[1] >= 8 && bot[1] % 4 == 0) {
                long second = u32le(buf, bot[0] + 4);
                long rel = 0;
                last = 1;
                for (int i = 1; i < f.size(); i++) {
                    rel += 8 + f.get(i)[1];
                    last = i;
                    if (rel >= second) {
                        break;
                    }
                }
            } else if (f.size() - 1 == frames) {
                last = 1;
            } else {
                for (int i = 1; i < f.size(); i++) {
                    last = i;
                    int[] fr = f.get(i);
                    if (endsWithEoi(buf, fr)) {
                        break;
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(f.get(1)[1]);
        for (int i = 1; i <= last; i++) {
            out.write(buf, f.get(i)[0], f.get(i)[1]);
        }
        return out.toByteArray();
    }

    private static boolean endsWithEoi(byte[] buf, int[] fr) {
        int end = fr[0] + fr[1];
        for (int p = end - 1; p >= fr[0] + 1 && p >= end - 4; p--) { // allow trailing pad bytes
            if ((buf[p] & 0xFF) == 0xD9 && (buf[p - 1] & 0xFF) == 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static long u32le(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }
}
