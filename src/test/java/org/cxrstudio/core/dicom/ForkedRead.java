package org.cxrstudio.core.dicom;

import java.nio.file.Path;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;

/**
 * Reads each file named on the command line through {@link RadiographReader} and prints one
 * line per file: {@code read WxH} or {@code rejected: message}. Run in a JVM of its own with a
 * small {@code -Xmx} by {@link ForkedJvm}, so a test can show that a hostile file is refused
 * and the JVM survives (exit code 0; an uncaught {@link OutOfMemoryError} would exit 1).
 */
public final class ForkedRead {
    private ForkedRead() { }

    public static void main(String[] args) {
        for (String a : args) {
            try {
                Radiograph r = RadiographReader.read(Path.of(a));
                System.out.println("read " + r.columns() + "x" + r.rows());
            } catch (ImageReadException e) {
                System.out.println("rejected: " + e.getMessage());
            }
        }
        System.out.println("alive, heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    }
}
