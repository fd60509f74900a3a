package org.cxrstudio.app.cli;

import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.imaging.SourceFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands command-line FILE|DIR arguments into image files. */
final class ImageFiles {
    /** File name endings taken from folders (files named directly are always taken; content decides). */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "dcm", "dicom");

    private ImageFiles() { }

    /**
     * Files as given; folders walked recursively, sorted, for files named like images and for files
     * without an ending (archives often store DICOM so) whose first bytes are DICOM, PNG or JPEG:
     * a {@code LICENSE} or {@code README} beside the films is not an input.
     */
    static List<Path> expand(List<Path> args) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.walk(a)) {
                    s.filter(Files::isRegularFile).filter(ImageFiles::looksLikeImage).sorted().forEach(out::add);
                }
            } else if (Files.exists(a)) {
                out.add(a);
            } else {
                throw new IOException(a + ": no such file or directory");
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no image files in " + args);
        }
        return out;
    }

    private static boolean looksLikeImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) {
            return false;
        }
        int dot = n.lastIndexOf('.');
        if (dot >= 0) {
            return EXTENSIONS.contains(n.substring(dot + 1));
        }
        try {
            return RadiographReader.sniff(p) != SourceFormat.UNKNOWN;
        } catch (ImageReadException e) {
            return true; // unreadable: taken, so that the run reports it
        }
    }
}
