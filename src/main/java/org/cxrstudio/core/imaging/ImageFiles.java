package org.cxrstudio.core.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which files in a folder are images the app opens: the one list of file name endings, used by
 * the folder strip, the open dialog, {@code predict}/{@code eval}/{@code gate-check} folder
 * arguments, the training data loader and the gate build. Names are matched case-insensitively;
 * the reader ({@link RadiographReader}) decides the format from the content, so the ending only
 * selects candidates. Stateless, thread-safe.
 */
public final class ImageFiles {
    /**
     * Lower-case endings without the dot: DICOM ({@code dcm}, {@code dicom}, {@code dic}), PNG and
     * JPEG ({@code jpg}, {@code jpeg}).
     */
    public static final List<String> EXTENSIONS = List.of("dcm", "dicom", "dic", "png", "jpg", "jpeg");

    private ImageFiles() { }

    /** Whether the file name ends in one of {@link #EXTENSIONS} (any case). */
    public static boolean isImageName(Path file) {
        Path name = file.getFileName();
        return name != null && isImageName(name.toString());
    }

    /** As {@link #isImageName(Path)} for a bare file name. */
    public static boolean isImageName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }

    /** The image files directly in {@code dir} (not in subfolders), sorted by path. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(ImageFiles::isImageName).sorted().toList();
        }
    }

    /**
     * Command-line {@code FILE|DIR} arguments as image files: files named directly are taken as
     * given (content decides); folders are walked recursively, hidden files skipped, sorted, for
     * files with an image ending, and for files without an ending (archives often store DICOM so)
     * whose first bytes are DICOM, PNG or JPEG: a {@code LICENSE} or {@code README} beside the
     * films is not an input.
     *
     * @throws IOException when an argument does not exist or nothing is found
     */
    public static List<Path> expand(List<Path> args) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.walk(a)) {
                    s.filter(Files::isRegularFile).filter(ImageFiles::foundInFolder).sorted().forEach(out::add);
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

    private static boolean foundInFolder(Path p) {
        String n = p.getFileName().toString();
        if (n.startsWith(".")) {
            return false;
        }
        if (n.indexOf('.') >= 0) {
            return isImageName(n);
        }
        try {
            return RadiographReader.sniff(p) != SourceFormat.UNKNOWN;
        } catch (ImageReadException e) {
            return true; // unreadable: taken, so that the run reports it
        }
    }

    /** Glob patterns for a file dialog filter: each ending in lower and upper case ({@code *.dcm}, {@code *.DCM}, ...). */
    public static List<String> globPatterns() {
        List<String> out = new ArrayList<>();
        for (String e : EXTENSIONS) {
            out.add("*." + e);
            out.add("*." + e.toUpperCase(Locale.ROOT));
        }
        return out;
    }
}
