package org.cxrstudio.core.training.data;

import org.cxrstudio.core.io.Sha256;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Preprocessed images at one input size, decoded once and memory-mapped afterwards, so epochs
 * after the first skip PNG/JPEG/DICOM decoding (the dominant cost on a 2-core CPU). Each image is
 * read with {@link RadiographReader}, rendered with {@link DisplayPipeline} (default window, as
 * the viewer shows it), cropped and resized with {@link ModelInput#cropAndResize} to {@code size×size}; the values
 * (0..255) are stored rounded to bytes, a quantisation below one grey level that the per-image
 * normalisation makes irrelevant. The file is keyed by the image paths, sizes and modification
 * times, the input size and the crop, so changed data builds a new file; it is written to a temp file and
 * renamed, so a killed build never leaves a half cache. Reads are thread-safe.
 */
public final class TensorCache {
    private static final Logger LOG = LoggerFactory.getLogger(TensorCache.class);
    private static final String VERSION = "tc1";
    private static final long MAX_MAP_BYTES = 1L << 30;

    private final int size;
    private final String crop;
    private final int count;
    private final int[] widths;
    private final int[] heights;
    private final List<MappedByteBuffer> chunks;
    private final int imagesPerChunk;

    private TensorCache(int size, String crop, int[] widths, int[] heights, List<MappedByteBuffer> chunks,
                        int imagesPerChunk) {
        this.size = size;
        this.crop = crop;
        this.count = widths.length;
        this.widths = widths;
        this.heights = heights;
        this.chunks = chunks;
        this.imagesPerChunk = imagesPerChunk;
    }

    /** {@link #open(Path, List, int, String, ProgressListener, CancellationToken)} without a crop. */
    public static TensorCache open(Path dir, List<Path> files, int size, ProgressListener progress,
                                   CancellationToken cancel) throws IOException {
        return open(dir, files, size, Preprocessing.CROP_NONE, progress, cancel);
    }

    /**
     * Opens the cache for {@code files} at {@code size} and {@code crop}, building it first when absent.
     *
     * @param dir  folder for cache files (created when missing)
     * @param crop {@link Preprocessing#crop()}: {@code none} or {@code border}
     * @throws ImageReadException naming the first image that cannot be read
     */
    public static TensorCache open(Path dir, List<Path> files, int size, String crop, ProgressListener progress,
                                   CancellationToken cancel) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images to cache");
        }
        Preprocessing pre = Preprocessing.perImage(size).withCrop(crop);
        Files.createDirectories(dir);
        String key = key(files, size, pre.crop());
        Path data = dir.resolve(key + "-" + size + "px.u8");
        Path dims = dir.resolve(key + "-" + size + "px.dims");
        if (!Files.isRegularFile(data) || !Files.isRegularFile(dims)
                || Files.size(data) != (long) files.size() * size * size) {
            build(files, pre, data, dims, progress, cancel);
        } else {
            LOG.info("using tensor cache {} ({} images at {} px, crop {})", data, files.size(), size, pre.crop());
        }
        return map(data, dims, files.size(), size, pre.crop());
    }

    /** Input side in pixels. */
    public int size() {
        return size;
    }

    /** The crop the cached planes were made with ({@link Preprocessing#crop()}). */
    public String crop() {
        return crop;
    }

    public int count() {
        return count;
    }

    /** Width of image {@code i} as read (before resizing), pixels. */
    public int originalWidth(int i) {
        return widths[i];
    }

    /** Height of image {@code i} as read, pixels. */
    public int originalHeight(int i) {
        return heights[i];
    }

    /** Copies image {@code i} into {@code dst} ({@code size*size} floats, values 0..255). */
    public void read(int i, float[] dst) {
        int plane = size * size;
        ByteBuffer b = chunks.get(i / imagesPerChunk).duplicate();
        b.position((i % imagesPerChunk) * plane);
        byte[] tmp = new byte[plane];
        b.get(tmp);
        for (int k = 0; k < plane; k++) {
            dst[k] = tmp[k] & 0xFF;
        }
    }

    private static void build(List<Path> files, Preprocessing pre, Path data, Path dims, ProgressListener progress,
                              CancellationToken cancel) throws IOException {
        long t0 = System.nanoTime();
        int size = pre.inputSize();
        Path tmp = data.resolveSibling(data.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        int[] wh = new int[files.size() * 2];
        int plane = size * size;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int idx = i;
                jobs.add(pool.submit(() -> {
                    cancel.throwIfCancelled();
                    try {
                        Radiograph r = RadiographReader.read(files.get(idx));
                        GrayImage g = DisplayPipeline.render(r, null, false);
                        float[] px = ModelInput.cropAndResize(g, pre);
                        byte[] bytes = new byte[plane];
                        for (int k = 0; k < plane; k++) {
                            bytes[k] = (byte) Math.max(0, Math.min(255, Math.round(px[k])));
                        }
                        ch.write(ByteBuffer.wrap(bytes), (long) idx * plane);
                        wh[2 * idx] = r.columns();
                        wh[2 * idx + 1] = r.rows();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    int d = done.incrementAndGet();
                    if (d % 25 == 0 || d == files.size()) {
                        progress.progress(d, files.size(), "preparing images at " + size + " px: " + d + "/" + files.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(c.getMessage(), c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while preparing images", e);
                }
            }
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            pool.shutdown();
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            d.append(wh[2 * i]).append(' ').append(wh[2 * i + 1]).append('\n');
        }
        Path dimsTmp = dims.resolveSibling(dims.getFileName() + ".tmp");
        Files.writeString(dimsTmp, d.toString(), StandardCharsets.US_ASCII);
        Files.move(dimsTmp, dims, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("built tensor cache {}: {} images at {} px in {} s", data, files.size(), size,
                (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static TensorCache map(Path data, Path dims, int n, int size, String crop) throws IOException {
        List<String> lines = Files.readAllLines(dims, StandardCharsets.US_ASCII);
        if (lines.size() != n) {
            throw new IOException(dims + ": corrupt tensor cache index (" + lines.size() + " lines, expected " + n
                    + "); delete it to rebuild");
        }
        int[] w = new int[n];
        int[] h = new int[n];
        for (int i = 0; i < n; i++) {
            String[] p = lines.get(i).trim().split(" ");
            w[i] = Integer.parseInt(p[0]);
            h[i] = Integer.parseInt(p[1]);
        }
        long plane = (long) size * size;
        int perChunk = (int) Math.max(1, MAX_MAP_BYTES / plane);
        List<MappedByteBuffer> chunks = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
            for (int first = 0; first < n; first += perChunk) {
                int k = Math.min(perChunk, n - first);
                chunks.add(ch.map(FileChannel.MapMode.READ_ONLY, first * plane, k * plane));
            }
        }
        return new TensorCache(size, crop, w, h, chunks, perChunk);
    }

    /**
     * SHA-256 prefix of version, size, crop and every file's path, size and time. Without a crop
     * the header is the one used before the crop step existed, so existing caches stay valid.
     */
    static String key(List<Path> files, int size, String crop) throws IOException {
        String cropPart = Preprocessing.CROP_NONE.equals(crop) ? "" : "|crop " + crop;
        StringBuilder text = new StringBuilder(VERSION + "|" + size + cropPart + "\n");
        for (Path p : files) {
            Path a = p.toAbsolutePath().normalize();
            text.append(a).append('|').append(Files.size(a)).append('|').append(Files.getLastModifiedTime(a).toMillis())
                    .append('\n');
        }
        return Sha256.of(text.toString()).substring(0, 16);
    }
}
