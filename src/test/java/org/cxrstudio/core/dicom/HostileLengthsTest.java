package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lengths a fuzzer would try: odd value lengths, undefined-length sequences and items that never
 * end, a nesting bomb of a million undefined-length levels, absurd frame counts. Each reads or
 * fails with one clear {@link DicomException}, fast.
 */
class HostileLengthsTest {
    private static final byte[] UNDEFINED_SQ = {0x08, 0x00, 0x40, 0x11, 'S', 'Q', 0, 0, -1, -1, -1, -1};
    private static final byte[] UNDEFINED_ITEM = {-2, -1, 0, -32, -1, -1, -1, -1};

    private static String fails(byte[] data) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                DicomReader.read(data, "h.dcm");
            } catch (DicomException e) {
                assertThat(e.getMessage()).startsWith("h.dcm: ").doesNotContain("\n");
                return e.getMessage();
            }
            throw new AssertionError("accepted");
        });
    }

    private static byte[] head() {
        return new DicomWriter().string(Tags.MODALITY, "CS", "CR").dataset(true, false);
    }

    @Test
    void oddLengthsReadOrFailCleanly() throws DicomException {
        byte[] f = SyntheticDicom.ramp12().string(Tags.MANUFACTURER, "LO", "ABC").toBytes(TransferSyntax.EXPLICIT_LE);
        int at = DicomBadInputTest.indexOf(f, new byte[] {0x08, 0x00, 0x70, 0x00, 'L', 'O', 4, 0});
        f[at + 6] = 3; // "ABC" + pad: the value now ends one byte early, the pad is a stray byte
        assertThat(fails(f)).contains("invalid VR"); // the next header is read one byte early
        byte[] odd = SyntheticDicom.ramp12().raw(Tags.MANUFACTURER, "LO", "ABC".getBytes()).toBytes(TransferSyntax.EXPLICIT_LE);
        assertThat(DicomReader.read(odd, "h.dcm").metadata()).containsEntry("Manufacturer", "ABC");
    }

    @Test
    void nestingBombOfAMillionLevelsStopsAtTheDepthLimit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head());
        for (int i = 0; i < 1_000_000; i++) {
            out.writeBytes(UNDEFINED_SQ);
            out.writeBytes(UNDEFINED_ITEM);
        }
        assertThat(fails(out.toByteArray())).contains("nested deeper than " + DicomParser.MAX_DEPTH);
    }

    @Test
    void undefinedLengthItemThatNeverEnds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head());
        out.writeBytes(UNDEFINED_SQ);
        out.writeBytes(UNDEFINED_ITEM);
        out.writeBytes(new DicomWriter().string(Tags.MODALITY, "CS", "OT").dataset(true, false));
        assertThat(fails(out.toByteArray())).contains("missing item delimitation");
    }

    @Test
    void definedLengthSequenceWhoseItemRunsPastIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head());
        out.writeBytes(new byte[] {0x08, 0x00, 0x40, 0x11, 'S', 'Q', 0, 0, 16, 0, 0, 0});
        out.writeBytes(new byte[] {-2, -1, 0, -32, 64, 0, 0, 0}); // an item of 64 bytes in a 16-byte sequence
        out.writeBytes(new byte[64]);
        assertThat(fails(out.toByteArray())).contains("exceeds");
    }

    @Test
    void absurdFrameCountsReadTheFirstFrameOnly() throws DicomException {
        for (String frames : new String[] {"2147483647", "99999999999999", "-5", "NaN"}) {
            byte[] f = SyntheticDicom.ramp12().string(Tags.NUMBER_OF_FRAMES, "IS", frames).toBytes(TransferSyntax.EXPLICIT_LE);
            assertThat(DicomReader.read(f, "h.dcm").pixels()).as(frames).hasSize(64 * 48);
            byte[] rle = SyntheticDicom.ramp12().string(Tags.NUMBER_OF_FRAMES, "IS", frames).toBytes(TransferSyntax.RLE_LOSSLESS);
            assertThat(DicomReader.read(rle, "h.dcm").pixels()).as("RLE " + frames).hasSize(64 * 48);
        }
    }
}
