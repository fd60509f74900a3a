package org.cxrstudio.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The option mixins shared by several commands: per-command help wording, and the labelled-images pairs. */
class SharedOptionsTest {
    @TempDir
    Path dir;

    private static String help(String option, String... command) {
        CommandLine cl = CxrCommand.commandLine();
        for (String c : command) {
            cl = cl.getSubcommands().get(c);
        }
        OptionSpec o = cl.getCommandSpec().findOption(option);
        return String.join(" ", o.description());
    }

    @Test
    void aSharedOptionKeepsEachCommandsOwnHelpText() {
        assertThat(help("--model", "eval")).isEqualTo("ONNX model (default: models/student.onnx).");
        assertThat(help("--model", "predict")).contains("beside the app or in the working directory");
        assertThat(help("--model", "calibrate-score")).startsWith("ONNX model with a sidecar card");
        assertThat(help("--device", "eval")).startsWith("auto: the GPU when CUDA is usable, else the CPU");
        assertThat(help("--device", "pacs", "predict")).isEqualTo(help("--device", "eval"));
        assertThat(help("--site", "pacs", "predict")).isEqualTo("This clinic's operating threshold (from calibrate-threshold).");
        assertThat(help("--site", "eval")).startsWith("Report sensitivity and specificity");
        assertThat(help("--labels", "calibrate-threshold")).isEqualTo(help("--labels", "calibrate-score"))
                .isNotEqualTo(help("--labels", "eval"));
        assertThat(help("--json", "bench")).isEqualTo(help("--json", "bench-decode")).isEqualTo("Also write the results as JSON.");
        assertThat(help("--json", "predict")).isEqualTo("Write all results as a JSON array.");
        assertThat(help("--json", "eval")).isEqualTo("Also write the JSON report here.");
        assertThat(help("--device", "bench")).isEqualTo(help("--device", "eval"));
        assertThat(argumentHelp("predict")).isEqualTo("Images or folders (searched recursively).");
        assertThat(argumentHelp("gate-check")).isEqualTo("DICOM, PNG or JPEG files or folders.");
        assertThat(help("--split-part", "calibrate-score")).isEqualTo("Which part of --split (default: val).");
        assertThat(help("--split-part", "calibrate-threshold")).startsWith("Which part of --split to calibrate on (default: train;");
        assertThat(help("--split-part", "calibrate-boxes")).startsWith("Part of --split to calibrate on (default: train;");
        assertThat(help("--split", "calibrate-boxes")).startsWith("The model's split.csv");
    }

    /** The command object picocli filled from {@code args} (subcommand first). */
    @SuppressWarnings("unchecked")
    private static <T> T parsed(String... args) {
        return (T) CxrCommand.commandLine().parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void olderOptionNamesStillSetTheSharedOption() {
        assertThat(SharedOptionsTest.<ViewerBenchCommand>parsed("bench-viewer", "--repeat", "3").timedRuns.runs).isEqualTo(3);
        assertThat(SharedOptionsTest.<ViewerBenchCommand>parsed("bench-viewer").timedRuns.runs).isEqualTo(20);
        assertThat(SharedOptionsTest.<GateCheckCommand>parsed("gate-check", "--header-only", "x.png").gateChoice.rulesOnly).isTrue();
        assertThat(SharedOptionsTest.<CalibrateBoxesCommand>parsed("calibrate-boxes", "--images", "i", "--labels", "l.csv", "--use", "val").split.part).isEqualTo("val");
        assertThat(help("--runs", "bench")).isEqualTo("Timed runs per figure (default 100).");
        assertThat(help("--runs", "bench-decode")).isEqualTo("Timed runs per figure (default 5).");
    }

    @Test
    void aRunCountTheHeapCannotHoldIsAUsageError() {
        CliRun run = CliRun.of("bench-decode", "--runs", "2000000000", "x.dcm");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--runs must be 1..1000, got 2000000000");
    }

    private static String argumentHelp(String command) {
        CommandLine cl = CxrCommand.commandLine().getSubcommands().get(command);
        return String.join(" ", cl.getCommandSpec().positionalParameters().get(0).description());
    }

    @Test
    void listsTheLabelledImagesOfEachFolderInOrderAndOnlyThoseKept() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        LabeledImageOptions o = new LabeledImageOptions();
        o.images = List.of(a, b);
        o.labels = List.of(Files.writeString(dir.resolve("a.csv"), "filename,label\nx/1.png,tb\n2.png,non_tb\n"),
                Files.writeString(dir.resolve("b.csv"), "filename,label,x1,y1,x2,y2\n3.png,tb,1,1,5,5\n"));
        assertThat(o.pairingProblem()).isNull();
        assertThat(o.listed(null)).extracting(LabeledImageOptions.Listed::file)
                .containsExactly(a.resolve("x/1.png"), a.resolve("2.png"), b.resolve("3.png"));
        assertThat(o.listed(Set.of("1.png", "3.png"))).extracting(l -> l.image().filename()).containsExactly("x/1.png", "3.png");
        assertThat(o.csvs()).extracting(c -> c.hasBoxColumns()).containsExactly(false, true);
        assertThatThrownBy(() -> o.listed(null).get(0).existingFile()).isInstanceOf(IOException.class)
                .hasMessageEndingWith("1.png: listed in the labels CSV but not found");

        o.labels = List.of(o.labels.get(0));
        assertThat(o.pairingProblem()).isEqualTo("2 --images but 1 --labels: give them in pairs");
    }

    @Test
    void unpairedImagesAndLabelsAreAUsageErrorOfEval() {
        CliRun run = CliRun.of("eval", "--images", "a", "--images", "b", "--labels", "a.csv");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("2 --images but 1 --labels: give them in pairs");
    }

    @Test
    void thresholdAndSiteTogetherAreAUsageErrorBeforeAnythingLoads() throws IOException {
        Path site = Files.writeString(dir.resolve("site.json"), "{}");
        for (String command : List.of("predict", "eval", "calibrate-boxes")) {
            CliRun run = command.equals("predict")
                    ? CliRun.of(command, "sample-images/chest-phantom.png", "--threshold", "0.5", "--site", site.toString(),
                            "--model", dir.resolve("no-model.onnx").toString())
                    : CliRun.of(command, "--images", "sample-images", "--labels", "x.csv", "--threshold", "0.5", "--site",
                            site.toString(), "--model", dir.resolve("no-model.onnx").toString());
            if (run.err().contains("Unknown option")) {
                continue; // a command without both options
            }
            assertThat(run.exit()).as(command + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(command).contains("--threshold and --site both set the operating threshold");
        }
    }
}
