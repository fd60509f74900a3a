package org.cxrstudio.app.gui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where bundled folders ({@code models/}, {@code sample-images/}) are looked for: the working
 * directory, the jar's directory and its parent (so {@code java -jar target/cxr-studio.jar} from
 * the project and an installed {@code app/cxr-studio.jar} both work).
 */
final class AppDirs {
    private static final Logger LOG = LoggerFactory.getLogger(AppDirs.class);

    private AppDirs() { }

    /** Existing directories named {@code name}, most specific first, without duplicates. */
    static List<Path> find(String name) {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(Path.of(name).toAbsolutePath().normalize());
        try {
            Path jar = Path.of(AppDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = Files.isDirectory(jar) ? jar : jar.getParent();
            if (base != null) {
                dirs.add(base.resolve(name).normalize());
                if (base.getParent() != null) {
                    dirs.add(base.getParent().resolve(name).normalize());
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            LOG.debug("cannot locate the application directory", e);
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }
}
