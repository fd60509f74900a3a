package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.cxrstudio.core.dicom.codec.Codecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our RLE encoder, checked by dcmtk's {@code dcmdrle} and by the project's RLE decoder. */
class RleWriterTest {
    @TempDir
    Path dir;

    /** Rows mixing long runs (over 128), short runs, literals and noise. */
    static int[] tricky(int rows, int cols, int max, long seed) {
        Random rnd = new Random(seed);
        int[] px = new int[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int v = switch (y % 4) {
                    case 0 -> 7;
                    case 1 -> x < 130 ? 3 : x;
                    case 2 -> rnd.nextInt(max + 1);
                    default -> (x / 3) * 5;
                };
                px[y * cols + x] = Math.min(max, v);
            }
        }
        return px;
    }

    private byte[] file(int bits) {
        int[] px = tricky(20, 300, (1 << bits) - 1, bits);
        DicomWriter w = SyntheticDicom.gray(20, 300, bits <= 8 ? 8 : 16, bits, false, "MONOCHROME2");
        return (bits <= 8 ? w.pixels8(px) : w.pixels16(px)).toBytes(TransferSyntax.RLE_LOSSLESS);
    }

    @Test
    void dcmtkDecodesOurRle() throws IOException {
        assumeTrue(Dcmtk.available(), "dcmtk not installed: skipping");
        for (int bits : new int[] {8, 12, 16}) {
            Path rle = Files.write(dir.resolve("rle" + bits + ".dcm"), file(bits));
            Path nat = dir.resolve("native" + bits + ".dcm");
            Dcmtk.run("dcmdrle", rle.toString(), nat.toString());
            DicomImage img = DicomReader.read(Files.readAllBytes(nat), nat.toString());
            assertThat(img.pixels()).as("%d bits", bits).isEqualTo(tricky(20, 300, (1 << bits) - 1, bits));
        }
    }

    @Test
    void projectDecoderReadsOurRle() throws IOException {
        assumeTrue(Codecs.forTransferSyntax(TransferSyntax.RLE_LOSSLESS).isPresent(), "RLE codec not available yet");
        for (int bits : new int[] {8, 12, 16}) {
            DicomImage img = DicomReader.read(file(bits), "rle.dcm");
            assertThat(img.pixels()).as("%d bits", bits).isEqualTo(tricky(20, 300, (1 << bits) - 1, bits));
            assertThat(img.transferSyntaxUid()).isEqualTo(TransferSyntax.RLE_LOSSLESS);
        }
    }
}
