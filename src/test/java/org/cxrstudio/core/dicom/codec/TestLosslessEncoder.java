package org.cxrstudio.core.dicom.codec;

import java.io.ByteArrayOutputStream;

/**
 * Test-only process-14 encoder for cases dcmtk cannot make (restart intervals, 2-bit
 * precision, three interleaved components). Every difference category gets a 5-bit code.
 * It follows ISO 10918-1 H.1 directly; restart intervals are given in MCUs.
 */
final class TestLosslessEncoder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int acc;
    private int accBits;

    static byte[] encode(int[][] planes, int width, int height, int precision, int predictor, int restartInterval) {
        return new TestLosslessEncoder().run(planes, width, height, precision, predictor, restartInterval);
    }

    private byte[] run(int[][] planes, int width, int height, int precision, int predictor, int restart) {
        int nc = planes.length;
        marker(0xD8);
        marker(0xC3);
        u16(8 + 3 * nc);
        out.write(precision);
        u16(height);
        u16(width);
        out.write(nc);
        for (int c = 0; c < nc; c++) {
            out.write(c + 1);
            out.write(0x11);
            out.write(0);
        }
        marker(0xC4);
        u16(2 + 17 + 17);
        out.write(0x00);
        for (int len = 1; len <= 16; len++) {
            out.write(len == 5 ? 17 : 0);
        }
        for (int s = 0; s <= 16; s++) {
            out.write(s);
        }
        if (restart > 0) {
            marker(0xDD);
            u16(4);
            u16(restart);
        }
        marker(0xDA);
        u16(6 + 2 * nc);
        out.write(nc);
        for (int c = 0; c < nc; c++) {
            out.write(c + 1);
            out.write(0x00);
        }
        out.write(predictor);
        out.write(0);
        out.write(0);
        int mcu = 0;
        int rst = 0;
        boolean firstLine = true;
        boolean firstSample = true;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, mcu++) {
                if (restart > 0 && mcu > 0 && mcu % restart == 0) {
                    flush();
                    marker(0xD0 + (rst++ & 7));
                    firstLine = true;
                    firstSample = true;
                }
                int i = y * width + x;
                for (int[] p : planes) {
                    int pred;
                    if (firstSample) {
                        pred = 1 << (precision - 1);
                    } else if (firstLine) {
                        pred = p[i - 1];
                    } else if (x == 0) {
                        pred = p[i - width];
                    } else {
                        int ra = p[i - 1];
                        int rb = p[i - width];
                        int rc = p[i - width - 1];
                        pred = switch (predictor) {
                            case 1 -> ra;
                            case 2 -> rb;
                            case 3 -> rc;
                            case 4 -> ra + rb - rc;
                            case 5 -> ra + ((rb - rc) >> 1);
                            case 6 -> rb + ((ra - rc) >> 1);
                            default -> (ra + rb) >> 1;
                        };
                    }
                    writeDifference(p[i] - pred);
                }
                firstSample = false;
            }
            firstLine = false;
        }
        flush();
        marker(0xD9);
        return out.toByteArray();
    }

    private void writeDifference(int raw) {
        int diff = raw & 0xFFFF;
        if (diff > 32768) {
            diff -= 65536;
        }
        int magnitude = Math.abs(diff);
        int ssss = magnitude == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(magnitude);
        bits(ssss, 5);
        if (ssss > 0 && ssss < 16) {
            bits(diff < 0 ? (diff - 1) & ((1 << ssss) - 1) : diff, ssss);
        }
    }

    private void bits(int value, int n) {
        for (int b = n - 1; b >= 0; b--) {
            acc = acc << 1 | (value >> b & 1);
            if (++accBits == 8) {
                emit();
            }
        }
    }

    private void flush() {
        while (accBits != 0) {
            bits(1, 1);
        }
    }

    private void emit() {
        out.write(acc);
        if (acc == 0xFF) {
            out.write(0);
        }
        acc = 0;
        accBits = 0;
    }

    private void marker(int code) {
        out.write(0xFF);
        out.write(code);
    }

    private void u16(int v) {
        out.write(v >> 8);
        out.write(v & 0xFF);
    }
}
