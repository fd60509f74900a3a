package org.cxrstudio.core.dicom.codec;

/**
 * Decodes one JPEG-LS scan (ITU-T T.87 Annex A): context modelling with 365 regular contexts,
 * MED prediction with bias correction, limited-length Golomb codes, run mode with run
 * interruption samples, near-lossless reconstruction, and restart intervals (in lines). Handles
 * no interleave (one component) and line interleave (contexts shared, run index per component).
 */
final class JpegLsScan {

    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
        4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private final JpegLsBitReader in;
    private final int[][] planes;
    private final int width;
    private final int height;
    private final int near;
    private final int maxVal;
    private final int t1;
    private final int t2;
    private final int t3;
    private final int reset;
    private final int restartInterval;
    private final int range;
    private final int qbpp;
    private final int limit;
    private final int[] a = new int[367];
    private final int[] b = new int[367];
    private final int[] c = new int[367];
    private final int[] n = new int[367];
    private final int[] nn = new int[367];
    private final int[] runIndex;
    private final boolean sampleInterleaved;
    /** Gradient quantization (A.3.3) for d in -MAXVAL..MAXVAL, indexed by d + MAXVAL. */
    private final byte[] quantLut;

    /** @param params {maxVal, t1, t2, t3, reset} already defaulted */
    JpegLsScan(JpegLsBitReader in, int[][] planes, int width, int height, int near, int[] params, int restartInterval,
               boolean sampleInterleaved) {
        this.in = in;
        this.sampleInterleaved = sampleInterleaved && planes.length > 1;
        this.planes = planes;
        this.width = width;
        this.height = height;
        this.near = near;
        this.maxVal = params[0];
        this.t1 = params[1];
        this.t2 = params[2];
        this.t3 = params[3];
        this.reset = params[4];
        this.restartInterval = restartInterval;
        this.range = (maxVal + 2 * near) / (2 * near + 1) + 1;
        this.qbpp = bitsFor(range);
        int bpp = Math.max(2, bitsFor(maxVal + 1));
        this.limit = 2 * (bpp + Math.max(8, bpp));
        this.runIndex = new int[planes.length];
        this.quantLut = new byte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++) {
            quantLut[d + maxVal] = (byte) quantizeSlow(d);
        }
    }

    /** ceil(log2(v)). */
    private static int bitsFor(int v) {
        return 32 - Integer.numberOfLeadingZeros(v - 1);
    }

    void decode() throws CodecException {
        int components = planes.length;
        int[][] prev = new int[components][width + 2];
        int[][] cur = new int[components][width + 2];
        resetState();
        for (int y = 0; y < height; y++) {
            if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
                in.restart("JPEG-LS");
                resetState();
                for (int ci = 0; ci < components; ci++) {
                    java.util.Arrays.fill(prev[ci], 0);
                }
            }
            for (int ci = 0; ci < components; ci++) {
                prev[ci][width + 1] = prev[ci][width];
                cur[ci][0] = prev[ci][1];
                if (!sampleInterleaved) {
                    decodeLine(prev[ci], cur[ci], ci);
                }
            }
            if (sampleInterleaved) {
                decodeSampleInterleavedLine(prev, cur);
            }
            for (int ci = 0; ci < components; ci++) {
                int[] line = cur[ci];
                System.arraycopy(line, 1, planes[ci], y * width, width);
                cur[ci] = prev[ci];
                prev[ci] = line;
            }
            if (in.overrun()) {
                throw new CodecException("JPEG-LS: entropy-coded data ends early (truncated or corrupt) at line " + y);
            }
        }
    }

    private void resetState() {
        int initialA = Math.max(2, (range + 32) / 64);
        java.util.Arrays.fill(a, initialA);
        java.util.Arrays.fill(b, 0);
        java.util.Arrays.fill(c, 0);
        java.util.Arrays.fill(n, 1);
        java.util.Arrays.fill(nn, 0);
        java.util.Arrays.fill(runIndex, 0);
    }

    /** Line buffers hold the samples at 1..width; index 0 and width+1 are the edge values of A.2.1. */
    private void decodeLine(int[] prev, int[] line, int ci) throws CodecException {
        int x = 1;
        while (x <= width) {
            int ra = line[x - 1];
            int rb = prev[x];
            int rc = prev[x - 1];
            int rd = prev[x + 1];
            int q = 81 * quantize(rd - rb) + 9 * quantize(rb - rc) + quantize(rc - ra);
            if (q == 0) {
                x += runMode(prev, line, x, ci);
            } else {
                line[x] = regular(q, ra, rb, rc);
                x++;
            }
        }
    }

    /**
     * ILV 2: all components of a pixel in turn with shared contexts; run mode only when every
     * component's context is 0, one run index, and run interruption samples use context 365
     * predicted from Rb (as CharLS, whose code dcmtk's JPEG-LS codec is built on).
     */
    private void decodeSampleInterleavedLine(int[][] prev, int[][] cur) throws CodecException {
        int nc = planes.length;
        int[] qs = new int[nc];
        int x = 1;
        while (x <= width) {
            boolean run = true;
            for (int ci = 0; ci < nc; ci++) {
                int ra = cur[ci][x - 1];
                int rb = prev[ci][x];
                int rc = prev[ci][x - 1];
                qs[ci] = 81 * quantize(prev[ci][x + 1] - rb) + 9 * quantize(rb - rc) + quantize(rc - ra);
                run &= qs[ci] == 0;
            }
            if (run) {
                x += runModeSampleInterleaved(prev, cur, x);
            } else {
                for (int ci = 0; ci < nc; ci++) {
                    cur[ci][x] = regular(qs[ci], cur[ci][x - 1], prev[ci][x], prev[ci][x - 1]);
                }
                x++;
            }
        }
    }

    private int runModeSampleInterleaved(int[][] prev, int[][] cur, int x) throws CodecException {
        int count = runLength(width - x + 1, 0);
        for (int ci = 0; ci < planes.length; ci++) {
            int ra = cur[ci][x - 1];
            for (int i = 0; i < count; i++) {
                cur[ci][x + i] = ra;
            }
        }
        if (count == width - x + 1) {
            return count;
        }
        int at = x + count;
        int[] errors = new int[planes.length];
        for (int ci = 0; ci < planes.length; ci++) {
            errors[ci] = interruptionError(0, 0);
        }
        for (int ci = 0; ci < planes.length; ci++) {
            int ra = cur[ci][at - 1];
            int rb = prev[ci][at];
            int sign = rb - ra >= 0 ? 1 : -1;
            cur[ci][at] = reconstruct(rb + sign * errors[ci] * (2 * near + 1));
        }
        if (runIndex[0] > 0) {
            runIndex[0]--;
        }
        return count + 1;
    }

    private int quantize(int d) {
        return quantLut[d + maxVal];
    }

    private int quantizeSlow(int d) {
        if (d <= -t3) {
            return -4;
        } else if (d <= -t2) {
            return -3;
        } else if (d <= -t1) {
            return -2;
        } else if (d < -near) {
            return -1;
        } else if (d <= near) {
            return 0;
        } else if (d < t1) {
            return 1;
        } else if (d < t2) {
            return 2;
        } else if (d < t3) {
            return 3;
        }
        return 4;
    }

    private int regular(int qs, int ra, int rb, int rc) throws CodecException {
        int sign = qs < 0 ? -1 : 1;
        int q = qs * sign;
        int px;
        if (rc >= Math.max(ra, rb)) {
            px = Math.min(ra, rb);
        } else if (rc <= Math.min(ra, rb)) {
            px = Math.max(ra, rb);
        } else {
            px = ra + rb - rc;
        }
        px = Math.max(0, Math.min(maxVal, px + sign * c[q]));
        int k = 0;
        while ((n[q] << k) < a[q] && k < 31) {
            k++;
        }
        int m = golomb(k, limit);
        int err = (m & 1) == 0 ? m >> 1 : -((m + 1) >> 1);
        if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
            err = ~err;
        }
        updateRegular(q, err);
        return reconstruct(px + sign * err * (2 * near + 1));
    }

    private void updateRegular(int q, int err) {
        b[q] += err * (2 * near + 1);
        a[q] += Math.abs(err);
        if (n[q] == reset) {
            a[q] >>= 1;
            b[q] >>= 1;
            n[q] >>= 1;
        }
        n[q]++;
        if (b[q] <= -n[q]) {
            b[q] += n[q];
            if (c[q] > -128) {
                c[q]--;
            }
            if (b[q] <= -n[q]) {
                b[q] = -n[q] + 1;
            }
        } else if (b[q] > 0) {
            b[q] -= n[q];
            if (c[q] < 127) {
                c[q]++;
            }
            if (b[q] > 0) {
                b[q] = 0;
            }
        }
    }

    /** Modulo reduction back into range, then clamping (A.4.5 / A.7.2). */
    private int reconstruct(int v) {
        int wrap = range * (2 * near + 1);
        if (v < -near) {
            v += wrap;
        } else if (v > maxVal + near) {
            v -= wrap;
        }
        return Math.max(0, Math.min(maxVal, v));
    }

    /** Limited-length Golomb code LG(k, glimit) (A.5.3). */
    private int golomb(int k, int glimit) throws CodecException {
        int zeros = in.readZeros(glimit);
        if (zeros >= glimit - qbpp - 1) {
            return in.read(qbpp) + 1;
        }
        return (zeros << k) + in.read(k);
    }

    /** Run mode from sample {@code x}: the run, then an interruption sample unless the line ended; returns samples decoded. */
    private int runMode(int[] prev, int[] line, int x, int ci) throws CodecException {
        int ra = line[x - 1];
        int remaining = width - x + 1;
        int count = runLength(remaining, ci);
        for (int i = 0; i < count; i++) {
            line[x + i] = ra;
        }
        if (count == remaining) {
            return count;
        }
        int at = x + count;
        line[at] = interruption(ra, prev[at], ci);
        if (runIndex[ci] > 0) {
            runIndex[ci]--;
        }
        return count + 1;
    }

    /** The run length (A.7.1.2): full segments of 2^J[RUNindex] while 1 bits, then the remainder. */
    private int runLength(int remaining, int ci) throws CodecException {
        int count = 0;
        while (in.readBit()) {
            int step = Math.min(1 << J[runIndex[ci]], remaining - count);
            count += step;
            if (step == 1 << J[runIndex[ci]] && runIndex[ci] < 31) {
                runIndex[ci]++;
            }
            if (count == remaining) {
                return count;
            }
        }
        count += in.read(J[runIndex[ci]]);
        if (count > remaining) {
            throw new CodecException("JPEG-LS: run of " + count + " samples passes the end of the line");
        }
        return count;
    }

    /** Run interruption sample (A.7.2), contexts 365 (Ra != Rb) and 366 (Ra ≈ Rb). */
    private int interruption(int ra, int rb, int ci) throws CodecException {
        int riType = Math.abs(ra - rb) <= near ? 1 : 0;
        int err = interruptionError(riType, ci);
        if (riType == 1) {
            return reconstruct(ra + err * (2 * near + 1));
        }
        int sign = rb - ra >= 0 ? 1 : -1;
        return reconstruct(rb + sign * err * (2 * near + 1));
    }

    /** Decodes a run interruption error and updates its context (A.7.2.2). */
    private int interruptionError(int riType, int ci) throws CodecException {
        int q = 365 + riType;
        int temp = a[q] + (riType == 1 ? n[q] >> 1 : 0);
        int k = 0;
        while ((n[q] << k) < temp && k < 31) {
            k++;
        }
        int em = golomb(k, limit - J[runIndex[ci]] - 1);
        int t = em + riType;
        int map = t & 1;
        int err = (t + map) / 2;
        if ((k != 0 || 2 * nn[q] >= n[q]) == (map == 1)) {
            err = -err;
        }
        if (err < 0) {
            nn[q]++;
        }
        a[q] += (em + 1 - riType) >> 1;
        if (n[q] == reset) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
        return err;
    }
}
