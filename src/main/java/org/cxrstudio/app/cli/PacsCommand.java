package org.cxrstudio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pacs search|retrieve|predict}: work with a DICOMweb archive (e.g. Orthanc). */
@Command(name = "pacs", mixinStandardHelpOptions = true,
        description = "Search, retrieve and score studies on a DICOMweb archive; store the results back.",
        subcommands = {PacsSearchCommand.class, PacsRetrieveCommand.class, PacsPredictCommand.class})
final class PacsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
