package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The native (OpenJPEG through JNA) JPEG 2000 path: bit-exact with {@code opj_decompress} on the
 * shared data, identical to the jai-imageio path on lossless streams, identical to the
 * synthetic input it was encoded from (made here with {@code opj_compress}), and safe on
 * corrupt streams: a {@link CodecException} or a frame of the right size, never a crash or hang.
 */
class OpenJpegDecoderTest {

    private static OpenJp2 library() {
        assumeTrue(OpenJp2.library().isPresent(), "libopenjp2 not installed (apt-get install libopenjp2-7); skipping");
        return OpenJp2.library().get();
    }

    private static int[] nativeDecode(byte[] frame, FrameInfo info) throws CodecException {
        return OpenJpegDecoder.decode(library(), frame, info, J2kSiz.check(frame, info).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"original/RG1_J2KI.dcm", "original/RG3_J2KI.dcm", "original/RG3_J2KR.dcm"})
    void sharedDataMatchesOpjDecompressBitExact(String name, @TempDir Path tmp) throws Exception {
        library();
        TestDicom d = TestDicom.read(Fixtures.dicom(name));
        int[] oracle = opjDecompress(d.firstFrame(), tmp);
        int[] ours = nativeDecode(d.firstFrame(), d.info());
        assertThat(ours).hasSize((int) d.info().sampleCount());
        assertThat(Fixtures.firstDifference(ours, oracle)).as(name).isEqualTo(-1);
        // and the public decoder takes the same path
        assertThat(new Jpeg2000Decoder().decode(d.firstFrame(), d.info())).isEqualTo(ours);
    }

    @Test
    void losslessSharedDataIsIdenticalToTheJavaPath() throws Exception {
        library();
        TestDicom d = TestDicom.read(Fixtures.dicom("original/RG3_J2KR.dcm"));
        int[] java = new Jpeg2000Decoder(false).decode(d.firstFrame(), d.info());
        int[] ours = nativeDecode(d.firstFrame(), d.info());
        assertThat(Fixtures.firstDifference(ours, java)).isEqualTo(-1);
    }

    @Test
    void javaSwitchForcesJaiImageio() throws Exception {
        library();
        // on the lossy chest the two decoders round the 9/7 wavelet differently, which tells the paths apart
        TestDicom d = TestDicom.read(Fixtures.dicom("original/RG1_J2KI.dcm"));
        int[] jai = ImageIoDecoder.decode(d.firstFrame(), d.info(), "jpeg2000", "JPEG 2000");
        int[] ours = nativeDecode(d.firstFrame(), d.info());
        assertThat(Fixtures.firstDifference(jai, ours)).isNotEqualTo(-1);
        assertThat(new Jpeg2000Decoder(false).decode(d.firstFrame(), d.info())).isEqualTo(jai);
        assertThat(new Jpeg2000Decoder(true).decode(d.firstFrame(), d.info())).isEqualTo(ours);
        String before = System.getProperty(Jpeg2000Decoder.PATH_PROPERTY);
        try {
            System.setProperty(Jpeg2000Decoder.PATH_PROPERTY, "java");
            Jpeg2000Decoder forced = new Jpeg2000Decoder();
            assertThat(forced.usesNative()).isFalse();
            assertThat(forced.decode(d.firstFrame(), d.info())).isEqualTo(jai);
        } finally {
            if (before == null) {
                System.clearProperty(Jpeg2000Decoder.PATH_PROPERTY);
            } else {
                System.setProperty(Jpeg2000Decoder.PATH_PROPERTY, before);
            }
        }
        assertThat(new Jpeg2000Decoder().usesNative()).isTrue();
    }

    /** Lossless synthetic streams: native == jai == the samples that were encoded (masked to bits allocated). */
    @ParameterizedTest(name = "{0} bits, {1} comps, signed={2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "8|1|false|-n 3",
            "12|1|false|-n 4 -t 32,32 -b 16,16",
            "16|1|false|-M 63 -SOP -EPH -p RPCL",
            "14|1|false|-n 2 -d 5,3",
            "12|1|true|-n 3",
            "16|1|true|-n 3 -t 40,24 -p CPRL",
            "2|1|false|-n 2",
            "8|3|false|-mct 1",
            "8|3|false|-mct 0 -t 32,32",
            "12|3|false|-mct 1",
    })
    void syntheticLosslessMatchesInputAndJavaPath(int bits, int comps, boolean signed, String options,
                                                 @TempDir Path tmp) throws Exception {
        library();
        Synthetic s = Synthetic.make(61, 47, comps, bits, signed, 7L * bits + comps);
        byte[] j2k = s.encode(tmp, options);
        int[] ours = nativeDecode(j2k, s.info());
        int[] java = new Jpeg2000Decoder(false).decode(j2k, s.info());
        assertThat(Fixtures.firstDifference(ours, s.expected())).as("native vs input").isEqualTo(-1);
        assertThat(Fixtures.firstDifference(ours, java)).as("native vs jai").isEqualTo(-1);
    }

    @Test
    void invalidStreamsAreRefusedBeforeAnyDecoderAndOddOnesGoToJai(@TempDir Path tmp) throws Exception {
        Fixtures.requireTool("opj_compress");
        Synthetic s = Synthetic.make(61, 47, 1, 12, false, 3);
        byte[] j2k = s.encode(tmp, "-n 2");
        FrameInfo info = s.info();
        assertThat(J2kSiz.check(j2k, info).orElseThrow().precision()).isEqualTo(12);
        FrameInfo wrongSize = new FrameInfo(47, 62, 1, 16, 12, false, "MONOCHROME2", 0);
        assertThatThrownBy(() -> J2kSiz.check(j2k, wrongSize)).hasMessageContaining("61x47 but the dataset says 62x47");
        assertThatThrownBy(() -> J2kSiz.check(siz(j2k, 40, 0x00, 0x00), info)).hasMessageContaining("0 components");
        assertThatThrownBy(() -> J2kSiz.check(siz(j2k, 42, 0x1F), info)).hasMessageContaining("32-bit samples");
        assertThatThrownBy(() -> J2kSiz.check(siz(j2k, 43, 2), info)).hasMessageContaining("sub-sampling 2x1");
        assertThatThrownBy(() -> J2kSiz.check(siz(j2k, 8, 0xFF, 0xFF, 0xFF, 0xFF), info)).hasMessageContaining("4294967295x47");
        assertThatThrownBy(() -> J2kSiz.check(siz(j2k, 24, 0, 0, 0, 0), info)).hasMessageContaining("tile grid");
        assertThatThrownBy(() -> J2kSiz.check(siz(j2k, 2, 0xFF, 0x52), info)).hasMessageContaining("no SIZ");
        assertThatThrownBy(() -> J2kSiz.check(Arrays.copyOf(j2k, 30), info)).hasMessageContaining("no SIZ");
        assertThatThrownBy(() -> new Jpeg2000Decoder(false).decode(new byte[] {'G', 'I', 'F', '8'}, info))
                .hasMessage("JPEG 2000: neither a code stream (SOC marker FF4F) nor a JP2 file");
        // tile counts: up to 4096 native, up to 65535 jai, more is refused
        FrameInfo big = new FrameInfo(256, 256, 1, 16, 12, false, "MONOCHROME2", 0);
        byte[] bigSiz = siz(j2k, 8, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0);
        assertThat(J2kSiz.check(bigSiz, big).orElseThrow().tiles()).isEqualTo(1);
        assertThat(J2kSiz.check(siz(bigSiz, 24, 0, 0, 0, 4, 0, 0, 0, 4), big).orElseThrow().tiles()).isEqualTo(4096);
        assertThat(J2kSiz.check(siz(bigSiz, 24, 0, 0, 0, 2, 0, 0, 0, 2), big)).isEmpty();
        FrameInfo huge = new FrameInfo(512, 512, 1, 16, 12, false, "MONOCHROME2", 0);
        byte[] hugeSiz = siz(bigSiz, 8, 0, 0, 2, 0, 0, 0, 2, 0);
        assertThatThrownBy(() -> J2kSiz.check(siz(hugeSiz, 24, 0, 0, 0, 1, 0, 0, 0, 1), huge))
                .hasMessageContaining("262144 tiles");
        // packets: a corrupt layer count on a many-tile stream would keep any decoder busy for minutes
        Synthetic tiled = Synthetic.make(512, 512, 1, 8, false, 4);
        byte[] tiledJ2k = tiled.encode(tmp, "-t 32,32 -n 3");
        assertThat(J2kSiz.check(tiledJ2k, tiled.info())).isPresent();
        int cod = indexOf(tiledJ2k, 0xFF, 0x52);
        assertThatThrownBy(() -> J2kSiz.check(siz(tiledJ2k, cod + 6, 0xFF, 0xFF), tiled.info()))
                .hasMessageContaining("256 tiles × 65535 layers");
        assertThat(J2kSiz.check(siz(tiledJ2k, cod + 6, 0x00, 0x20), tiled.info())).isPresent(); // 32 layers are fine
        // valid, but not for OpenJPEG: components other than samples per pixel, a JP2 file
        FrameInfo colour = new FrameInfo(47, 61, 3, 16, 12, false, "RGB", 0);
        assertThat(J2kSiz.check(j2k, colour)).isEmpty();
        byte[] jp2 = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10, (byte) 0x87, 10}, 0, jp2, 0, 12);
        assertThat(J2kSiz.check(jp2, info)).isEmpty();
    }

    /**
     * 3000 mutations ({@link #mutate}) of small synthetic streams through the public
     * decoder: a right-sized frame or a CodecException, nothing else, within the time limit. The
     * few that our SIZ check sends to jai-imageio are skipped (jj2000 can loop for minutes on
     * corrupt data; that path is unchanged and {@link CodecFuzzTest} covers it).
     */
    @Test
    void corruptStreamsNeverCrashOrHang(@TempDir Path tmp) throws Exception {
        library();
        List<Synthetic> sources = List.of(Synthetic.make(61, 47, 1, 12, false, 11), Synthetic.make(40, 36, 3, 8, false, 12),
                Synthetic.make(64, 64, 1, 16, true, 13));
        List<byte[]> streams = List.of(sources.get(0).encode(tmp, "-n 4 -t 32,32 -SOP -EPH"),
                sources.get(1).encode(tmp, "-mct 1 -M 63"), sources.get(2).encode(tmp, "-I -r 8,4,1 -p RLCP"));
        Random random = new Random(20261130);
        int[] outcomes = new int[4]; // refused by SIZ check, decoded by OpenJPEG, refused by OpenJPEG, left to jai
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int c = 0; c < 3000; c++) {
                int which = c % streams.size();
                FrameInfo info = sources.get(which).info();
                byte[] bad = mutate(streams.get(which), random);
                try {
                    if (J2kSiz.check(bad, info).isEmpty()) {
                        outcomes[3]++;
                        continue;
                    }
                } catch (CodecException refused) {
                    assertThat(refused.getMessage()).startsWith("JPEG 2000: ");
                    outcomes[0]++;
                    continue;
                }
                try {
                    assertThat(new Jpeg2000Decoder(true).decode(bad, info)).hasSize((int) info.sampleCount());
                    outcomes[1]++;
                } catch (CodecException expected) {
                    assertThat(expected.getMessage()).startsWith("JPEG 2000 (OpenJPEG): ");
                    outcomes[2]++;
                } catch (Throwable t) {
                    fail("case " + c + " threw " + t, t);
                }
            }
        });
        // the mutations must exercise every branch, most of all the native decoder both ways
        assertThat(outcomes[0]).isPositive();
        assertThat(outcomes[1]).isGreaterThan(300);
        assertThat(outcomes[2]).isGreaterThan(300);
        assertThat(outcomes[1] + outcomes[2]).isGreaterThan(1500); // measured 992 + 1401 with OpenJPEG 2.5.0
        assertThat(outcomes[3]).isLessThan(400);
    }

    @Test
    void missingEocIsToleratedAsByJaiButTruncationIsAnError() throws Exception {
        library();
        TestDicom d = TestDicom.read(Fixtures.dicom("original/RG3_J2KR.dcm"));
        byte[] frame = d.firstFrame();
        int[] full = nativeDecode(frame, d.info());
        int end = frame.length;
        while (frame[end - 1] == 0) {
            end--;
        }
        assertThat(frame[end - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(frame[end - 1] & 0xFF).isEqualTo(0xD9);
        byte[] noEoc = Arrays.copyOf(frame, end - 2);
        assertThat(Fixtures.firstDifference(nativeDecode(noEoc, d.info()), full)).isEqualTo(-1);
        assertThat(Fixtures.firstDifference(new Jpeg2000Decoder(false).decode(noEoc, d.info()), full)).isEqualTo(-1);
        byte[] cut = Arrays.copyOf(frame, frame.length * 6 / 10);
        assertThatThrownBy(() -> nativeDecode(cut, d.info())).isInstanceOf(CodecException.class)
                .hasMessageContaining("JPEG 2000 (OpenJPEG): failed decoding: Tile part length size inconsistent");
        assertThatThrownBy(() -> new Jpeg2000Decoder(true).decode(cut, d.info())).isInstanceOf(CodecException.class);
    }

    @Test
    void eocIsAppendedOnlyWhenMissingAndBeforeTheDicomPadByte() {
        byte[] withEoc = {1, 2, (byte) 0xFF, (byte) 0xD9};
        byte[] paddedEoc = {1, 2, 3, (byte) 0xFF, (byte) 0xD9, 0};
        assertThat(OpenJpegDecoder.terminated(withEoc)).isSameAs(withEoc);
        assertThat(OpenJpegDecoder.terminated(paddedEoc)).isSameAs(paddedEoc);
        assertThat(OpenJpegDecoder.terminated(new byte[] {1, 2, 3})).containsExactly(1, 2, 3, 0xFF, 0xD9);
        assertThat(OpenJpegDecoder.terminated(new byte[] {1, 2, 3, 0})).containsExactly(1, 2, 3, 0xFF, 0xD9);
        assertThat(OpenJpegDecoder.terminated(new byte[] {1, 2, 0})).containsExactly(1, 2, 0, 0xFF, 0xD9);
    }

    @Test
    void onlyOpenJpeg2From23OnIsBound() {
        assertThat(OpenJp2.Loader.supported("2.5.0")).isTrue();
        assertThat(OpenJp2.Loader.supported("2.3.1")).isTrue();
        assertThat(OpenJp2.Loader.supported("2.2.0")).isFalse();
        assertThat(OpenJp2.Loader.supported("1.5.2")).isFalse();
        assertThat(OpenJp2.Loader.supported("3.0.0")).isFalse();
        assertThat(OpenJp2.Loader.supported("garbage")).isFalse();
        assertThat(OpenJp2.Loader.supported(null)).isFalse();
    }

    /**
     * Truncation, a SIZ field rewritten, a 16-bit field after a main-header marker rewritten
     * (segment lengths, COD/QCD parameters), a chunk deleted or inserted, marker-like bytes
     * planted, or bit flips (half of them in the first 160 bytes).
     */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bad = original.clone();
        switch (random.nextInt(6)) {
            case 0:
                return Arrays.copyOf(original, random.nextInt(original.length));
            case 1: {
                int at = 8 + 4 * random.nextInt(8); // one of Xsiz..YTOsiz
                int[] values = {0, 1, 2, 7, 0x7FFFFFFF, 0xFFFFFFFF, 0x10000, random.nextInt()};
                int v = values[random.nextInt(values.length)];
                bad[at] = (byte) (v >>> 24);
                bad[at + 1] = (byte) (v >>> 16);
                bad[at + 2] = (byte) (v >>> 8);
                bad[at + 3] = (byte) v;
                return bad;
            }
            case 2: {
                List<Integer> markers = new ArrayList<>();
                for (int i = 4; i + 3 < Math.min(bad.length, 400); i++) {
                    if ((bad[i] & 0xFF) == 0xFF && (bad[i + 1] & 0xFF) >= 0x52 && (bad[i + 1] & 0xFF) <= 0x93) {
                        markers.add(i);
                    }
                }
                int at = markers.get(random.nextInt(markers.size())) + 2 + random.nextInt(6);
                int v = random.nextInt(3) == 0 ? 0xFFFF : random.nextInt(3) == 0 ? 0 : random.nextInt(65536);
                bad[at] = (byte) (v >> 8);
                bad[at + 1] = (byte) v;
                return bad;
            }
            case 3: {
                int at = random.nextInt(original.length);
                int length = 1 + random.nextInt(Math.min(64, original.length - at));
                byte[] chunk = new byte[length];
                random.nextBytes(chunk);
                byte[] out = new byte[original.length + (random.nextBoolean() ? length : -length)];
                System.arraycopy(original, 0, out, 0, at);
                if (out.length > original.length) {
                    System.arraycopy(chunk, 0, out, at, length);
                    System.arraycopy(original, at, out, at + length, original.length - at);
                } else {
                    System.arraycopy(original, at + length, out, at, original.length - at - length);
                }
                return out;
            }
            case 4: {
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    bad[random.nextInt(bad.length)] = (byte) (random.nextBoolean() ? 0xFF : 0x90 + random.nextInt(4));
                }
                return bad;
            }
            default: {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(bad.length, 160)) : random.nextInt(bad.length);
                    bad[at] ^= (byte) (1 << random.nextInt(8));
                }
                return bad;
            }
        }
    }

    private static int indexOf(byte[] b, int first, int second) {
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == first && (b[i + 1] & 0xFF) == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    /** A copy of {@code j2k} with the bytes from {@code offset} replaced (SIZ fields: Xsiz at 8 … YTOsiz at 36, Csiz 40, Ssiz 42). */
    private static byte[] siz(byte[] j2k, int offset, int... bytes) {
        byte[] copy = j2k.clone();
        for (int i = 0; i < bytes.length; i++) {
            copy[offset + i] = (byte) bytes[i];
        }
        return copy;
    }

    private static int[] opjDecompress(byte[] frame, Path tmp) throws IOException, InterruptedException {
        Path j2k = tmp.resolve("f.j2k");
        Path pgm = tmp.resolve("f.pgm");
        Files.write(j2k, frame);
        Files.deleteIfExists(pgm);
        Fixtures.run("opj_decompress", "-quiet", "-i", j2k.toString(), "-o", pgm.toString());
        return Jpeg2000DecoderTest.readPgm(Files.readAllBytes(pgm));
    }

    /**
     * Smooth gradients plus noise, {@code comps} planes, encoded with opj_compress from a big-endian
     * .raw file (opj_compress 2.5.0 refuses raw input of 1, 7, 13 or 15 bits).
     */
    private record Synthetic(int width, int height, int comps, int bits, boolean signed, int[][] planes) {

        static Synthetic make(int width, int height, int comps, int bits, boolean signed, long seed) {
            Random random = new Random(seed);
            int[][] planes = new int[comps][width * height];
            long range = 1L << bits;
            for (int c = 0; c < comps; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        long v = (x * 37L + y * 91L + c * 1000L) * range / 9000 + random.nextInt(8);
                        v = Math.floorMod(v, range);
                        planes[c][y * width + x] = (int) (signed ? v - range / 2 : v);
                    }
                }
            }
            return new Synthetic(width, height, comps, bits, signed, planes);
        }

        FrameInfo info() {
            int allocated = bits <= 8 ? 8 : 16;
            return new FrameInfo(height, width, comps, allocated, bits, signed, comps == 3 ? "RGB" : "MONOCHROME2", 0);
        }

        /** What a decoder must return: interleaved, masked to bits allocated. */
        int[] expected() {
            int mask = (1 << info().bitsAllocated()) - 1;
            int[] out = new int[width * height * comps];
            for (int i = 0; i < width * height; i++) {
                for (int c = 0; c < comps; c++) {
                    out[comps * i + c] = planes[c][i] & mask;
                }
            }
            return out;
        }

        byte[] encode(Path tmp, String options) throws IOException, InterruptedException {
            int bytesPerSample = bits <= 8 ? 1 : 2;
            byte[] raw = new byte[width * height * comps * bytesPerSample];
            int at = 0;
            for (int[] plane : planes) {
                for (int v : plane) {
                    if (bytesPerSample == 2) {
                        raw[at++] = (byte) (v >> 8);
                    }
                    raw[at++] = (byte) v;
                }
            }
            Path in = Files.createTempFile(tmp, "in", ".raw");
            Path out = Files.createTempFile(tmp, "out", ".j2k");
            Files.write(in, raw);
            Files.delete(out);
            List<String> cmd = new ArrayList<>(List.of("opj_compress", "-i", in.toString(), "-o", out.toString(),
                    "-F", width + "," + height + "," + comps + "," + bits + "," + (signed ? "s" : "u")));
            cmd.addAll(List.of(options.split(" ")));
            Fixtures.run(cmd.toArray(String[]::new));
            return Files.readAllBytes(out);
        }
    }
}
