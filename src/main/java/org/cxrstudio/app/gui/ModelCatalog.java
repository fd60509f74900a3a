package org.cxrstudio.app.gui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds bundled models: {@code *.onnx} in {@code models/} of the working directory and of the
 * project/installation directory next to the jar ({@code <jar>/../models}, {@code <jar>/models}).
 * {@code student.onnx} and {@code teacher.onnx} are the defaults.
 */
final class ModelCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);
    private final List<Path> models;

    private ModelCatalog(List<Path> models) {
        this.models = models;
    }

    static ModelCatalog discover() {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(Path.of("models").toAbsolutePath().normalize());
        try {
            Path jar = Path.of(ModelCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = Files.isDirectory(jar) ? jar : jar.getParent();
            if (base != null) {
                dirs.add(base.resolve("models").normalize());
                if (base.getParent() != null) {
                    dirs.add(base.getParent().resolve("models").normalize());
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            LOG.debug("cannot locate the application directory", e);
        }
        List<Path> found = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().forEach(found::add);
            } catch (IOException e) {
                LOG.warn("cannot list {}: {}", d, e.getMessage());
            }
        }
        LOG.info("models found: {}", found);
        return new ModelCatalog(List.copyOf(found));
    }

    List<Path> all() {
        return models;
    }

    Optional<Path> named(String fileName) {
        return models.stream().filter(p -> p.getFileName().toString().equals(fileName)).findFirst();
    }
}
