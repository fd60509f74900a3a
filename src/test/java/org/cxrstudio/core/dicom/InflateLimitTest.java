package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inflation limit of deflated datasets: derived from the heap and the user's cap, reached
 * without allocating past it, and proven on a 2 GiB deflate bomb in a JVM with a 512 MB heap.
 */
class InflateLimitTest {
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void limitIsTheSmallerOfTheCapAndAQuarterOfTheHeap() {
        assertThat(HeapBudget.maxInflatedBytes(null, 512 * MIB)).isEqualTo(128 * MIB);
        assertThat(HeapBudget.maxInflatedBytes(null, 6144 * MIB)).isEqualTo(256 * MIB);
        assertThat(HeapBudget.maxInflatedBytes(" 8 ", 6144 * MIB)).isEqualTo(8 * MIB);
        assertThat(HeapBudget.maxInflatedBytes("100000", 64L << 30)).isEqualTo(Integer.MAX_VALUE - 8);
        for (String bad : new String[] {"0", "-3", "lots"}) {
            assertThatThrownBy(() -> HeapBudget.maxInflatedBytes(bad, 512 * MIB))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cxr.dicom.maxInflatedMb");
        }
    }

    @Test
    void aStreamEndingExactlyAtTheLimitIsAcceptedOneByteMoreIsNot() throws Exception {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 >> 7);
        }
        byte[] z = deflate(data);
        assertThat(Inflate.run(z, 0, true, data.length, "x.dcm")).isEqualTo(data);
        assertThatThrownBy(() -> Inflate.run(z, 0, true, data.length - 1, "x.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("inflates beyond");
        byte[] cut = java.util.Arrays.copyOf(z, z.length - 10);
        assertThatThrownBy(() -> Inflate.run(cut, 0, true, data.length, "x.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("truncated");
    }

    /** The bomb of the issue: a JVM with a 512 MB heap refuses it and lives on (exit 0). */
    @Test
    void twoGibBombIsRefusedInA512MbHeap() throws Exception {
        Path bomb = dir.resolve("bomb.dcm");
        DeflatedFixtures.writeBomb(bomb, 2048);
        assertThat(Files.size(bomb)).isLessThan(4_000_000);
        // the construction makes a valid stream of exactly that many zeros (checked on a small one)
        Path small = dir.resolve("small.dcm");
        DeflatedFixtures.writeBomb(small, 5);
        assertThat(inflatedSize(Files.readAllBytes(small), DeflatedFixtures.metaHeader().length)).isEqualTo(5L << 20);
        Path honest = Files.write(dir.resolve("honest.dcm"),
                SyntheticDicom.ramp12().toBytes(TransferSyntax.DEFLATED_EXPLICIT_LE));

        ForkedJvm.Result r = ForkedJvm.run(List.of("-Xmx512m"), ForkedRead.class, bomb.toString(), honest.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("rejected: " + bomb + ": deflated dataset inflates beyond 128 MB")
                .contains("read 64x48").contains("alive, heap").doesNotContain("OutOfMemoryError");

        ForkedJvm.Result capped = ForkedJvm.run(List.of("-Xmx512m", "-Dcxr.dicom.maxInflatedMb=16"),
                ForkedRead.class, bomb.toString());
        assertThat(capped.exitCode()).as(capped.output()).isZero();
        assertThat(capped.output()).contains("inflates beyond 16 MB");
    }

    /** A tiny RLE file claiming 16384 x 6000 pixels: the small heap refuses it before allocating. */
    @Test
    void hugeClaimInATinyFileIsRefusedBeforeAllocation() throws Exception {
        byte[] f = SyntheticDicom.gray(6000, 16384, 16, 16, false, "MONOCHROME2").pixels16(new int[16384])
                .toBytes(TransferSyntax.RLE_LOSSLESS);
        Path p = Files.write(dir.resolve("claim.dcm"), f);
        ForkedJvm.Result r = ForkedJvm.run(List.of("-Xmx512m"), ForkedRead.class, p.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("rejected: " + p + ": decoding 16384x6000x1 samples needs about")
                .contains("MB allowed (half of the 512 MB heap");
    }

    private static long inflatedSize(byte[] data, int offset) throws java.util.zip.DataFormatException {
        java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
        inf.setInput(data, offset, data.length - offset);
        byte[] buf = new byte[1 << 20];
        long n = 0;
        while (!inf.finished()) {
            int k = inf.inflate(buf);
            if (k == 0 && inf.needsInput()) {
                throw new AssertionError("bomb stream is truncated after " + n + " bytes");
            }
            n += k;
        }
        inf.end();
        return n;
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
