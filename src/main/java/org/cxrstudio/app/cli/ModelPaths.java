package org.cxrstudio.app.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the bundled models. A relative default such as {@code models/student.onnx} is looked up
 * beside the application (the folder of the jar, then its parent, so {@code target/cxr-studio.jar}
 * finds the project's {@code models/}) and then in the working directory.
 */
final class ModelPaths {
    static final String STUDENT = "models/student.onnx";
    static final String TEACHER = "models/teacher.onnx";

    private ModelPaths() { }

    /** The given model, or the default one found in the usual places. */
    static Path resolve(Path given, String defaultRelative) throws IOException {
        if (given != null) {
            return given;
        }
        List<Path> tried = candidates(defaultRelative);
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("no --model given and " + defaultRelative + " not found (looked in " + tried + ")");
    }

    /** Where a relative default is looked for, in order. */
    static List<Path> candidates(String relative) {
        Set<Path> out = new LinkedHashSet<>();
        Path app = appDir();
        if (app != null) {
            out.add(app.resolve(relative).normalize());
            if (app.getParent() != null) {
                out.add(app.getParent().resolve(relative).normalize());
            }
        }
        out.add(Path.of("").toAbsolutePath().resolve(relative).normalize());
        return new ArrayList<>(out);
    }

    /** The folder of the jar (or of the classes directory when run from the build). */
    private static Path appDir() {
        try {
            Path code = Path.of(CxrCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent(); // target/ for both target/classes and target/cxr-studio.jar
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
