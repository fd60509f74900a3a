package org.cxrstudio.app.cli;

import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.training.data.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to {@code train}/{@code distill}: one clear error line, exit code 1, nothing trained. */
class TrainingCommandsTest {
    @TempDir
    Path tmp;

    private CliRun train(String... extra) {
        String[] base = {"train", "--no-gate", "--arch", "student-xs", "--size", "64", "--epochs", "1", "--out", tmp.resolve("out").toString(),
                "--cache", tmp.resolve("cache").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void csvNamingUnknownFiles() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 32, 1);
        Files.writeString(f.labels(), "filename,label\ns_tb0.png,tb\nmissing1.png,normal\n");
        CliRun r = train("--images", f.images().toString(), "--labels", f.labels().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: ").contains("missing1.png").contains("not in");
        assertThat(tmp.resolve("out/checkpoints")).doesNotExist();
    }

    @Test
    void emptyImageFolder() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path csv = Files.writeString(tmp.resolve("labels.csv"), "filename,label\n");
        CliRun r = train("--images", empty.toString(), "--labels", csv.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("empty").contains("holds no PNG");
    }

    @Test
    void unreadableImage() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 3, 3, 32, 1);
        Files.writeString(f.images().resolve("s_n4.png"), "broken");
        CliRun r = train("--images", f.images().toString(), "--labels", f.labels().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("s_n4.png");
    }

    @Test
    void unpairedLabelsAndBadBudget() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 32, 1);
        CliRun r = train("--images", f.images().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("one --labels per --images");
        CliRun b = train("--images", f.images().toString(), "--labels", f.labels().toString(), "--time-budget", "soon");
        assertThat(b.exit()).isEqualTo(1);
        assertThat(b.err()).contains("bad duration 'soon'");
    }

    @Test
    void outThatIsAFileIsNamed() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 32, 1);
        Files.writeString(tmp.resolve("out"), "a file, not a folder");
        CliRun r = train("--images", f.images().toString(), "--labels", f.labels().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: " + tmp.resolve("out") + ": already exists");
        assertThat(Files.readString(tmp.resolve("out"))).isEqualTo("a file, not a folder");
    }

    @Test
    void r0OutOfRange() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 32, 1);
        CliRun r = train("--images", f.images().toString(), "--labels", f.labels().toString(), "--r0", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: ").contains("--r0 must be 0.01..100");
        assertThat(tmp.resolve("out/checkpoints")).doesNotExist();
    }

    @Test
    void unknownCropAndNoPercentFormatErrorInHelp() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 32, 1);
        CliRun r = train("--images", f.images().toString(), "--labels", f.labels().toString(), "--crop", "lungs");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: ").contains("--crop must be none or border, got lungs");
        assertThat(tmp.resolve("out/checkpoints")).doesNotExist();
        CliRun help = CliRun.of("train", "--help");
        assertThat(help.out() + help.err()).contains("drop 8% of each side").doesNotContain("Could not format");
    }

    @Test
    void missingTeacher() throws IOException {
        LabeledFolder f = SyntheticData.write(tmp.resolve("d"), "s", 2, 2, 32, 1);
        CliRun r = CliRun.of("distill", "--no-gate", "--teacher", tmp.resolve("nope.onnx").toString(), "--images", f.images().toString(),
                "--labels", f.labels().toString(), "--arch", "student-xs", "--out", tmp.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope.onnx").contains("teacher model file not found");
    }
}
