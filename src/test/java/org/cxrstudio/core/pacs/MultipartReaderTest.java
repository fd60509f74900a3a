package org.cxrstudio.core.pacs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The incremental multipart reader on bodies delivered in awkward pieces. */
class MultipartReaderTest {
    static final String B = "xyz-123";

    @Test
    void partsSurviveAnyChunkingAndBoundaryLookalikes() throws IOException {
        Random rnd = new Random(3);
        byte[] big = new byte[200_000];
        rnd.nextBytes(big);
        byte[] tricky = ("data\r\n--xyz-12 not the boundary\r\n-" + "-xyz-1").getBytes(StandardCharsets.ISO_8859_1);
        String body = "preamble to ignore\r\n--" + B + "\r\nContent-Type: application/dicom\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(big);
        out.writeBytes(("\r\n--" + B + "  \r\ncontent-type: application/dicom\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tricky);
        out.writeBytes(("\r\n--" + B + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(("\r\n--" + B + "--\r\nepilogue").getBytes(StandardCharsets.ISO_8859_1));
        for (int maxChunk : new int[] {1, 7, 4096, 1 << 20}) {
            List<byte[]> parts = new ArrayList<>();
            List<Map<String, String>> headers = new ArrayList<>();
            MultipartReader mr = new MultipartReader(new Chunked(out.toByteArray(), maxChunk, rnd), B, "test");
            for (Optional<Map<String, String>> h = mr.nextPart(); h.isPresent(); h = mr.nextPart()) {
                headers.add(h.get());
                parts.add(mr.body().readAllBytes());
            }
            assertThat(parts).hasSize(3);
            assertThat(parts.get(0)).isEqualTo(big);
            assertThat(parts.get(1)).isEqualTo(tricky);
            assertThat(parts.get(2)).isEmpty();
            assertThat(headers.get(1)).containsEntry("content-type", "application/dicom");
        }
    }

    @Test
    void unreadPartsAreSkippedAndTruncationIsReported() throws IOException {
        byte[] body = ("--" + B + "\r\n\r\nfirst\r\n--" + B + "\r\n\r\nsecond, cut off").getBytes(StandardCharsets.US_ASCII);
        MultipartReader mr = new MultipartReader(new ByteArrayInputStream(body), B, "srv");
        assertThat(mr.nextPart()).isPresent(); // first part left unread
        assertThat(mr.nextPart()).isPresent();
        assertThatThrownBy(() -> mr.body().readAllBytes()).isInstanceOf(PacsException.class)
                .hasMessageContaining("inside part 2").hasMessageContaining("truncated");
        MultipartReader none = new MultipartReader(new ByteArrayInputStream("no boundary here".getBytes(StandardCharsets.US_ASCII)), B, "srv");
        assertThatThrownBy(none::nextPart).isInstanceOf(PacsException.class).hasMessageContaining("no multipart boundary");
    }

    @Test
    void boundaryParameterIsParsed() {
        assertThat(MultipartReader.boundary("multipart/related; type=\"application/dicom\"; boundary=\"a b\"")).contains("a b");
        assertThat(MultipartReader.boundary("multipart/related;boundary=abc")).contains("abc");
        assertThat(MultipartReader.boundary("application/dicom+json")).isEmpty();
        assertThat(MultipartReader.boundary("multipart/related; type=x")).isEmpty();
    }

    /** Hands out at most {@code max} bytes per read, at random sizes. */
    private static final class Chunked extends InputStream {
        private final ByteArrayInputStream in;
        private final int max;
        private final Random rnd;

        Chunked(byte[] data, int max, Random rnd) {
            this.in = new ByteArrayInputStream(data);
            this.max = max;
            this.rnd = rnd;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1 + rnd.nextInt(max)));
        }
    }
}
