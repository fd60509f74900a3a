package org.cxrstudio.core.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Deflated Explicit VR LE files with arbitrary (also malformed) datasets, made by tests. */
final class DeflatedFixtures {
    private DeflatedFixtures() { }

    /** Preamble, DICM and the meta header of a deflated file (transfer syntax 1.2.840.10008.1.2.1.99). */
    static byte[] metaHeader() {
        byte[] honest = SyntheticDicom.ramp12().toBytes(TransferSyntax.DEFLATED_EXPLICIT_LE);
        // preamble + DICM + (0002,0000) UL element (12 bytes) + the meta group length it holds
        int header = 144 + ((honest[140] & 0xFF) | (honest[141] & 0xFF) << 8);
        return Arrays.copyOf(honest, header);
    }

    /** A deflated file whose inflated dataset is exactly {@code dataset} (raw deflate, as PS3.5 A.5 says). */
    static byte[] file(byte[] dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(metaHeader());
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (OutputStream z = new DeflaterOutputStream(out, d)) {
            z.write(dataset);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            d.end();
        }
        return out.toByteArray();
    }

    /**
     * Writes a deflate bomb: the meta header, then {@code mib} MiB of zeros as a raw deflate
     * stream, without ever holding them: one MiB of zeros is deflated once with a sync flush
     * (complete, byte-aligned, non-final blocks that decode to zeros wherever they stand), that
     * block run is written {@code mib} times, then an empty final block. About 1 KB per MiB.
     */
    static void writeBomb(Path file, int mib) throws IOException {
        byte[] chunk = deflateChunk(new byte[1 << 20], Deflater.SYNC_FLUSH);
        byte[] last = deflateChunk(new byte[0], -1);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(metaHeader());
            for (int i = 0; i < mib; i++) {
                out.write(chunk);
            }
            out.write(last);
        }
    }

    /** Raw deflate of {@code data}, ended by a sync flush ({@code flush}) or by finish ({@code -1}). */
    private static byte[] deflateChunk(byte[] data, int flush) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(data);
            if (flush < 0) {
                d.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            int n;
            do {
                n = flush < 0 ? d.deflate(buf) : d.deflate(buf, 0, buf.length, flush);
                out.write(buf, 0, n);
            } while (flush < 0 ? !d.finished() : n == buf.length || !d.needsInput());
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
