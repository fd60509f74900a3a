package org.cxrstudio.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words: the JDK's file exceptions carry only the path as their
 * message ({@code Files.createDirectories} on a file throws {@code FileAlreadyExistsException("out")},
 * so a command would print just {@code error: out}), and a decoding failure says
 * {@code Input length = 1}. Stateless, thread-safe.
 *
 * <pre>{@code
 * catch (IOException e) { throw new IOException(csv + ": cannot read labels CSV (" + IoErrors.reason(e) + ")", e); }
 * }</pre>
 */
public final class IoErrors {
    private IoErrors() { }

    /** The problem without the file name, e.g. {@code "no such file or folder"}, {@code "not UTF-8 text"}. */
    public static String reason(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null && !f.getReason().isBlank()) {
                return f.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "already exists (a file where a folder was expected?)";
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder";
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "folder not empty";
            }
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * One line naming the file(s) and the problem, e.g. {@code "out: already exists (...)"}; for an
     * exception that names no file, {@link #reason}.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return reason(e);
    }
}
