package org.cxrstudio.app.cli;

import picocli.CommandLine.Option;

/** The connection options plus {@code --study UID}, for the {@code pacs} commands that work on one study. */
final class PacsStudyOptions extends PacsOptions {
    @Option(names = "--study", required = true, paramLabel = "UID", description = "Study Instance UID.")
    String study;
}
