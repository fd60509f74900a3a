package org.cxrstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void timesEachFileAndReportsUnreadableOnes() throws IOException {
        assertThat(CliRun.of("make-samples", "--out", dir.toString()).exit()).isZero();
        Path bad = Files.writeString(dir.resolve("bad.dcm"), "nope");
        Path json = dir.resolve("bench.json");
        CliRun run = CliRun.of("bench-decode", "--runs", "1", "--json", json.toString(),
                dir.resolve("chest-phantom-mono2-16bit.dcm").toString(), dir.resolve("chest-phantom.png").toString(),
                bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("chest-phantom-mono2-16bit.dcm").contains("512x512").contains("unreadable");
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject first = o.getAsJsonArray("results").get(0).getAsJsonObject();
        assertThat(first.get("oursReadMs").getAsDouble()).isPositive();
        assertThat(first.get("format").getAsString()).contains("Explicit VR Little Endian");
    }
}
