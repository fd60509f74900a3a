package org.cxrstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    private Path dicom(String name, String photometric) throws IOException {
        int[] px = new int[40 * 30];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 13) % 4096;
        }
        byte[] f = new DicomWriter().string(Tags.MODALITY, "CS", "CR").string(Tags.PATIENT_ID, "LO", "SECRET-ID")
                .us(Tags.SAMPLES_PER_PIXEL, 1).string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.ROWS, 30).us(Tags.COLUMNS, 40).us(Tags.BITS_ALLOCATED, 16).us(Tags.BITS_STORED, 12)
                .us(Tags.HIGH_BIT, 11).us(Tags.PIXEL_REPRESENTATION, 0)
                .string(Tags.WINDOW_CENTER, "DS", "2048").string(Tags.WINDOW_WIDTH, "DS", "4096")
                .pixels16(px).toBytes(TransferSyntax.EXPLICIT_LE);
        return Files.write(dir.resolve(name), f);
    }

    @Test
    void printsMetadataAndWritesRawAndRender() throws IOException {
        Path f = dicom("a.dcm", "MONOCHROME1");
        Path raw = dir.resolve("out/raw.png");
        Path render = dir.resolve("out/render.png");
        Path json = dir.resolve("out/meta.json");
        CliRun run = CliRun.of("inspect", f.toString(), "--raw", raw.toString(), "--render", render.toString(),
                "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.get("columns").getAsInt()).isEqualTo(40);
        assertThat(o.get("rows").getAsInt()).isEqualTo(30);
        assertThat(o.get("photometric").getAsString()).isEqualTo("MONOCHROME1");
        assertThat(o.get("bitsStored").getAsInt()).isEqualTo(12);
        assertThat(o.getAsJsonArray("windows").get(0).getAsJsonObject().get("center").getAsDouble()).isEqualTo(2048);
        assertThat(run.out()).doesNotContain("SECRET-ID");
        assertThat(JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("rows").getAsInt()).isEqualTo(30);

        BufferedImage r = ImageIO.read(raw.toFile());
        assertThat(r.getColorModel().getComponentSize(0)).isEqualTo(16);
        assertThat(r.getRaster().getSample(5, 2, 0)).isEqualTo(((2 * 40 + 5) * 13) % 4096);
        BufferedImage g = ImageIO.read(render.toFile());
        assertThat(g.getColorModel().getComponentSize(0)).isEqualTo(8);
        assertThat(g.getRaster().getSample(0, 0, 0)).as("MONOCHROME1 stored 0 shows white").isEqualTo(255);

        CliRun withPatient = CliRun.of("inspect", f.toString(), "--patient");
        assertThat(withPatient.out()).contains("SECRET-ID");
    }

    @Test
    void rawRoundTripsThroughInspectAgain() throws IOException {
        Path raw = dir.resolve("raw.png");
        assertThat(CliRun.of("inspect", dicom("b.dcm", "MONOCHROME2").toString(), "--raw", raw.toString()).exit()).isZero();
        CliRun again = CliRun.of("inspect", raw.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("\"bitsStored\": 16").contains("\"storedMax\": " + maxOf());
    }

    private static int maxOf() {
        int m = 0;
        for (int i = 0; i < 1200; i++) {
            m = Math.max(m, (i * 13) % 4096);
        }
        return m;
    }

    @Test
    void badInputsGiveOneErrorLineAndExitOne() throws IOException {
        byte[] good = Files.readAllBytes(dicom("good.dcm", "MONOCHROME2"));
        byte[] random = new byte[5000];
        new Random(42).nextBytes(random);
        Path[] bad = {
            Files.write(dir.resolve("empty.dcm"), new byte[0]),
            Files.write(dir.resolve("trunc.dcm"), Arrays.copyOf(good, good.length / 2)),
            Files.write(dir.resolve("random.bin"), random),
            Files.writeString(dir.resolve("text.png"), "not an image"),
            dir.resolve("missing.dcm"),
        };
        for (Path p : bad) {
            CliRun run = CliRun.of("inspect", p.toString());
            assertThat(run.exit()).as(p.toString()).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("error: ").contains(p.getFileName().toString())
                    .doesNotContain("\n").doesNotContain("Exception");
            assertThat(run.out()).isEmpty();
        }
    }
}
