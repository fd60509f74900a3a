package org.cxrstudio.app.cli;

import org.cxrstudio.core.imaging.ImageFiles;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code FILE|DIR...} arguments of the commands that take image files and folders (a picocli
 * mixin); folders are searched recursively. Where a command words the help differently, the text
 * is in {@code OptionHelp.properties} under the command's name and {@code inputs}.
 */
final class ImageInputs {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", descriptionKey = "inputs",
            description = "Images or folders (searched recursively).")
    List<Path> inputs;

    /** The image files: the files given and those found in the folders given ({@link ImageFiles#expand}). */
    List<Path> files() throws IOException {
        return ImageFiles.expand(inputs);
    }
}
