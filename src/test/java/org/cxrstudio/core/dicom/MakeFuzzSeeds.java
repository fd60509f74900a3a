package org.cxrstudio.core.dicom;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Regenerates the seed inputs of the Jazzer fuzz tests (docs/fuzzing.md): small synthetic
 * DICOM files in every transfer syntax the reader knows (the compressed ones through dcmtk's
 * and OpenJPEG's encoders when installed), small PNGs and JPEGs, and DICOM headers for the
 * gate's rules. Deterministic; each seed is a few KB so libFuzzer's input length stays small.
 *
 * <pre>{@code java -cp target/test-classes:target/classes org.cxrstudio.core.dicom.MakeFuzzSeeds src/test/resources}</pre>
 */
public final class MakeFuzzSeeds {
    private MakeFuzzSeeds() { }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources", "org", "cxrstudio", "core");
        write(root.resolve("dicom/DicomReaderFuzzTestInputs/read"), dicomSeeds());
        write(root.resolve("gate/HeaderRulesFuzzTestInputs/headerRules"), gateSeeds());
        write(root.resolve("imaging/RasterReaderFuzzTestInputs/png"), rasterSeeds("png"));
        write(root.resolve("imaging/RasterReaderFuzzTestInputs/jpeg"), rasterSeeds("jpeg"));
    }

    private static void write(Path dir, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(dir.resolve("seed-" + e.getKey()), e.getValue());
        }
        System.out.println(dir + ": " + seeds.size() + " seeds");
    }

    static int[] ramp(int n, int bits) {
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = (i * 37 + (i / 32) * 11) % (1 << bits);
        }
        return px;
    }

    private static DicomWriter gray16() {
        return SyntheticDicom.gray(32, 32, 16, 12, false, "MONOCHROME2").pixels16(ramp(32 * 32, 12));
    }

    static Map<String, byte[]> dicomSeeds() throws Exception {
        Map<String, byte[]> s = new LinkedHashMap<>();
        DicomWriter lutItem = new DicomWriter().us(Tags.LUT_DESCRIPTOR, 4, 10, 12).raw(Tags.LUT_DATA, "OW", new byte[8]);
        DicomWriter rich = gray16().sequence(Tags.VOI_LUT_SEQUENCE, List.of(lutItem))
                .sequence(0x00082112, List.of(new DicomWriter().string(Tags.MODALITY, "CS", "OT"), new DicomWriter()))
                .string(Tags.WINDOW_CENTER, "DS", "2048\\100").string(Tags.WINDOW_WIDTH, "DS", "4096\\50")
                .string(Tags.RESCALE_SLOPE, "DS", "1.5").string(Tags.RESCALE_INTERCEPT, "DS", "-100")
                .string(Tags.PIXEL_SPACING, "DS", "0.14\\0.14").string(Tags.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192");
        s.put("explicit-le", rich.toBytes(TransferSyntax.EXPLICIT_LE));
        s.put("implicit-le", rich.toBytes(TransferSyntax.IMPLICIT_LE));
        s.put("explicit-be", rich.toBytes(TransferSyntax.EXPLICIT_BE));
        s.put("deflated", rich.toBytes(TransferSyntax.DEFLATED_EXPLICIT_LE));
        s.put("bare-explicit", rich.dataset(true, false));
        s.put("bare-implicit", rich.dataset(false, false));
        s.put("rle", gray16().toBytes(TransferSyntax.RLE_LOSSLESS));
        s.put("mono1-8bit", SyntheticDicom.gray(16, 32, 8, 8, false, "MONOCHROME1").pixels8(ramp(512, 8))
                .toBytes(TransferSyntax.EXPLICIT_LE));
        s.put("signed-16bit", SyntheticDicom.gray(16, 16, 16, 16, true, "MONOCHROME2").pixels16(ramp(256, 16))
                .toBytes(TransferSyntax.EXPLICIT_LE));
        for (int planar = 0; planar < 2; planar++) {
            s.put("rgb-planar" + planar, SyntheticDicom.gray(16, 16, 8, 8, false, "RGB").us(Tags.SAMPLES_PER_PIXEL, 3)
                    .us(Tags.PLANAR_CONFIGURATION, planar).pixels8(ramp(3 * 256, 8)).toBytes(TransferSyntax.EXPLICIT_LE));
        }
        s.put("multiframe", SyntheticDicom.gray(16, 16, 16, 16, false, "MONOCHROME2").string(Tags.NUMBER_OF_FRAMES, "IS", "3")
                .pixels16(ramp(3 * 256, 16)).toBytes(TransferSyntax.EXPLICIT_LE));
        Path tmp = Files.createTempDirectory("seeds");
        Path in = Files.write(tmp.resolve("in.dcm"), gray16().toBytes(TransferSyntax.EXPLICIT_LE));
        Path in8 = Files.write(tmp.resolve("in8.dcm"), SyntheticDicom.gray(32, 32, 8, 8, false, "MONOCHROME2")
                .pixels8(ramp(1024, 8)).toBytes(TransferSyntax.EXPLICIT_LE));
        tool(s, "undefined-lengths", tmp, "dcmconv", "-e", in.toString());
        tool(s, "jpeg-lossless-sv1", tmp, "dcmcjpeg", "+e1", in.toString());
        tool(s, "jpeg-baseline", tmp, "dcmcjpeg", "+eb", in8.toString());
        tool(s, "jpeg-extended-12bit", tmp, "dcmcjpeg", "+ee", in.toString());
        tool(s, "jpeg-ls-lossless", tmp, "dcmcjpls", "+el", in.toString());
        tool(s, "jpeg-ls-near", tmp, "dcmcjpls", "+en", "+md", "2", in.toString());
        jpeg2000(s, tmp);
        return s;
    }

    /** Runs a dcmtk encoder ({@code tool [options] in out}); skipped when the tool is absent. */
    private static void tool(Map<String, byte[]> s, String name, Path tmp, String... cmd) throws Exception {
        Path out = tmp.resolve(name + ".dcm");
        List<String> c = new ArrayList<>(List.of(cmd));
        c.add(out.toString());
        if (run(c)) {
            s.put(name, Files.readAllBytes(out));
        }
    }

    /** A JPEG 2000 lossless file: OpenJPEG's code stream wrapped as encapsulated pixel data. */
    private static void jpeg2000(Map<String, byte[]> s, Path tmp) throws Exception {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        int[] px = ramp(1024, 8);
        for (int i = 0; i < px.length; i++) {
            img.getRaster().setSample(i % 32, i / 32, 0, px[i]);
        }
        Path pgm = tmp.resolve("in.pgm");
        ByteArrayOutputStream pgmBytes = new ByteArrayOutputStream();
        pgmBytes.writeBytes("P5\n32 32\n255\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int v : px) {
            pgmBytes.write(v);
        }
        Files.write(pgm, pgmBytes.toByteArray());
        Path j2k = tmp.resolve("out.j2k");
        if (!run(List.of("opj_compress", "-i", pgm.toString(), "-o", j2k.toString()))) {
            return;
        }
        byte[] cs = Files.readAllBytes(j2k);
        s.put("jpeg2000-lossless", encapsulated(SyntheticDicom.gray(32, 32, 8, 8, false, "MONOCHROME2"),
                "1.2.840.10008.1.2.4.90", cs));
    }

    /** A Part 10 file in {@code ts} whose Pixel Data is {@code frame} as one fragment (empty offset table). */
    static byte[] encapsulated(DicomWriter header, String ts, byte[] frame) {
        byte[] meta = new DicomWriter().raw(0x00020001, "OB", new byte[] {0, 1})
                .string(Tags.MEDIA_STORAGE_SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1")
                .string(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, "UI", "2.25.1234")
                .string(Tags.TRANSFER_SYNTAX_UID, "UI", ts)
                .string(Tags.IMPLEMENTATION_CLASS_UID, "UI", DicomWriter.IMPLEMENTATION_CLASS_UID).dataset(true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(new DicomWriter().raw(Tags.FILE_META_GROUP_LENGTH, "UL", le32(meta.length)).dataset(true, false));
        out.writeBytes(meta);
        out.writeBytes(header.dataset(true, false));
        out.writeBytes(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1});
        out.writeBytes(new byte[] {-2, -1, 0, -32, 0, 0, 0, 0});
        int padded = frame.length + frame.length % 2;
        out.writeBytes(new byte[] {-2, -1, 0, -32});
        out.writeBytes(le32(padded));
        out.writeBytes(frame);
        if (padded != frame.length) {
            out.write(0);
        }
        out.writeBytes(new byte[] {-2, -1, -35, -32, 0, 0, 0, 0});
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static boolean run(List<String> cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            System.out.println("skipped (" + cmd.get(0) + " not installed)");
            return false;
        }
    }

    /**
     * 256 x 256 (the gate's smallest accepted side), 8-bit, blocky so that RLE keeps it near 2 KB
     * while the header stays uncompressed for the fuzzer to mutate.
     */
    private static DicomWriter gateImage() {
        int[] px = new int[256 * 256];
        for (int i = 0; i < px.length; i++) {
            px[i] = ((i % 256) / 64 * 50 + (i / 256) / 32 * 20) % 256;
        }
        return SyntheticDicom.gray(256, 256, 8, 8, false, "MONOCHROME2").pixels8(px);
    }

    static Map<String, byte[]> gateSeeds() {
        Map<String, byte[]> s = new LinkedHashMap<>();
        String[][] headers = {
            {"CR", "PA", "CHEST"}, {"DX", "AP", ""}, {"CR", "LL", "CHEST"}, {"CT", "", "CHEST"}, {"DX", "PA", "KNEE"},
            {"OT", "", ""}, {"XC", "", ""}, {"DX", "RLD", "CHEST"}, {"MG", "", "BREAST"},
        };
        for (String[] h : headers) {
            DicomWriter w = gateImage().string(Tags.MODALITY, "CS", h[0]).string(Tags.VIEW_POSITION, "CS", h[1]);
            if (!h[2].isEmpty()) {
                w.string(Tags.BODY_PART_EXAMINED, "CS", h[2]);
            }
            s.put(String.join("-", h[0], h[1].isEmpty() ? "noview" : h[1], h[2].isEmpty() ? "nopart" : h[2]),
                    w.toBytes(TransferSyntax.RLE_LOSSLESS));
        }
        DicomWriter code = new DicomWriter().string(Tags.CODE_VALUE, "SH", "R-10206")
                .string(Tags.CODE_MEANING, "LO", "left lateral");
        s.put("view-code-lateral", gateImage().string(Tags.VIEW_POSITION, "CS", "")
                .sequence(Tags.VIEW_CODE_SEQUENCE, List.of(code)).toBytes(TransferSyntax.RLE_LOSSLESS));
        return s;
    }

    static Map<String, byte[]> rasterSeeds(String format) throws IOException {
        Map<String, byte[]> s = new LinkedHashMap<>();
        int[] types = "png".equals(format)
                ? new int[] {BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB,
                    BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_BINARY}
                : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB};
        String[] names = "png".equals(format)
                ? new String[] {"gray16", "gray8", "rgb", "palette", "argb", "binary"} : new String[] {"gray", "rgb"};
        for (int t = 0; t < types.length; t++) {
            BufferedImage img = new BufferedImage(24, 16, types[t]);
            for (int i = 0; i < 24 * 16; i++) {
                img.setRGB(i % 24, i / 24, i * 7919 + (i % 24) * 4099);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            s.put(names[t] + "." + format, out.toByteArray());
        }
        return s;
    }
}
