package org.cxrstudio.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {
    /** FIPS 180-2 test vector "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void bytesAndTextGiveTheStandardVectors() {
        assertThat(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Sha256.of("abc")).isEqualTo(ABC);
        assertThat(Sha256.of(new byte[0])).isEqualTo(EMPTY);
        assertThat(Sha256.raw("abc".getBytes(StandardCharsets.US_ASCII))).hasSize(32)
                .startsWith((byte) 0xba, (byte) 0x78);
    }

    @Test
    void fileIsHashedAsItsBytesAcrossBufferBoundaries(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertThat(Sha256.ofFile(empty)).isEqualTo(EMPTY);
        byte[] big = new byte[(1 << 16) * 2 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path f = Files.write(dir.resolve("big"), big);
        assertThat(Sha256.ofFile(f)).isEqualTo(Sha256.of(big));
    }
}
