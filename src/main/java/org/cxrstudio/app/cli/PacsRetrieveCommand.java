package org.cxrstudio.app.cli;

import org.cxrstudio.core.pacs.DicomWebClient;
import org.cxrstudio.core.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code pacs retrieve}: WADO-RS a study into {@code OUT/<StudyInstanceUID>/}; prints one path per file. */
@Command(name = "retrieve", mixinStandardHelpOptions = true, description = "Download a study (WADO-RS) into a folder.")
final class PacsRetrieveCommand extends CliCommand {
    @Mixin
    PacsStudyOptions pacs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Cache folder; files go to DIR/<study uid>/<sop uid>.dcm.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new DicomWebClient(pacs.server()).retrieveStudy(pacs.study, out,
                new ConsoleProgress(err()), CancellationToken.NONE);
        files.forEach(f -> out().println(f));
        err().println(files.size() + " file(s) in " + out.resolve(pacs.study));
        return 0;
    }
}
