package org.cxrstudio.app.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.cxrstudio.core.imaging.ImageLimits;
import org.cxrstudio.core.imaging.ImageReadException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists and reads archive files through Hadoop's file systems ({@code file:}, {@code hdfs:},
 * {@code s3a:} where the cluster has the connector; a path without a scheme is on the default
 * file system). Every file is listed, hidden ones and names starting with {@code _} included:
 * Spark's own file sources skip those, and an archive must have every file accounted for. The
 * local file system is used raw, so {@code .crc} files are files like any other.
 */
final class ArchiveFiles {
    private ArchiveFiles() { }

    /** Every regular file under {@code input} (or {@code input} itself), fully qualified, sorted. */
    static List<String> list(String input, Configuration conf) throws IOException {
        Path root = new Path(input);
        FileSystem fs = raw(root.getFileSystem(conf));
        FileStatus st;
        try {
            st = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new IOException(input + ": no such file or directory");
        }
        List<String> out = new ArrayList<>();
        if (st.isFile()) {
            out.add(fs.makeQualified(st.getPath()).toString());
            return out;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (f.isFile()) {
                out.add(fs.makeQualified(f.getPath()).toString());
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The whole file; its length is checked against {@link ImageLimits#MAX_FILE_BYTES} before
     * anything is allocated.
     *
     * @throws ImageReadException naming the file: gone, unreadable or too large
     */
    static byte[] read(String uri, Configuration conf) throws ImageReadException {
        Path p = new Path(uri);
        try {
            FileSystem fs = raw(p.getFileSystem(conf));
            long len = fs.getFileStatus(p).getLen();
            if (len > ImageLimits.MAX_FILE_BYTES) {
                throw new ImageReadException(uri + ": file of " + len + " bytes exceeds the limit of "
                        + ImageLimits.MAX_FILE_BYTES + " bytes");
            }
            byte[] data = new byte[(int) len];
            try (FSDataInputStream in = fs.open(p)) {
                in.readFully(data);
            }
            return data;
        } catch (FileNotFoundException e) {
            throw new ImageReadException(uri + ": no such file (removed after listing?)", e);
        } catch (IOException e) {
            throw new ImageReadException(uri + ": cannot read (" + e + ")", e);
        }
    }

    private static FileSystem raw(FileSystem fs) {
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }
}
