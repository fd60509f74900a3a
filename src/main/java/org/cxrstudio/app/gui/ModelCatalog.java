package org.cxrstudio.app.gui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        List<Path> dirs = AppDirs.find("models");
        List<Path> found = new ArrayList<>();
        for (Path d : dirs) {
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
