package org.cxrstudio.app.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --json OUT} of the commands that can also write their results to a JSON file (a picocli
 * mixin). Where a command words the help differently, the text is in {@code OptionHelp.properties}
 * under the command's name.
 */
final class JsonFileOption {
    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON.")
    Path path;

    /** Writes {@code value} to the {@code --json} file ({@link JsonOut#write}), when one was given. */
    void write(Object value) throws IOException {
        if (path != null) {
            JsonOut.write(path, value);
        }
    }
}
