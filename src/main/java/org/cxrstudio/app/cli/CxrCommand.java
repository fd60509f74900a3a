package org.cxrstudio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command line: {@code java -jar cxr-studio.jar <command> ...}. Subcommands
 * are registered in {@link #commandLine()}; each prints one clear error line and exits
 * non-zero on bad input.
 */
@Command(name = "cxr-studio", mixinStandardHelpOptions = true, version = "CXR Studio 0.1.0",
        resourceBundle = "org.cxrstudio.app.cli.OptionHelp",
        description = "Chest X-ray viewer and TB model toolkit. With no command (or a file), opens the viewer.")
public final class CxrCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Builds the command line with every subcommand and the shared error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CxrCommand());
        // subcommands: one line each
        cl.addSubcommand(new PredictCommand());
        cl.addSubcommand(new EvalCommand());
        cl.addSubcommand(new CalibrateBoxesCommand());
        cl.addSubcommand(new CalibrateThresholdCommand());
        cl.addSubcommand(new CalibrateScoreCommand());
        cl.addSubcommand(new BenchCommand());
        cl.addSubcommand(new InspectCommand());
        cl.addSubcommand(new ViewerBenchCommand());
        cl.addSubcommand(new MakeSamplesCommand());
        cl.addSubcommand(new DecodeBenchCommand());
        cl.addSubcommand(new TrainCommand());
        cl.addSubcommand(new DistillCommand());
        cl.addSubcommand(new BenchTrainCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new EnsembleCommand());
        cl.addSubcommand(new CompareScoresCommand());
        cl.addSubcommand(new EnginesCommand());
        cl.addSubcommand(new PacsCommand());
        cl.addSubcommand(new BuildGateCommand());
        cl.addSubcommand(new GateCheckCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setExecutionStrategy(CliErrors.catchingVmErrors(new CommandLine.RunLast()));
        return cl;
    }
}
