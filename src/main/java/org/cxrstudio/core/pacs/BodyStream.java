package org.cxrstudio.core.pacs;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} that never holds more than one delivery of the
 * HTTP client (one outstanding request, so memory stays bounded), gives up after
 * {@code readTimeout} without data, and stops within ~200 ms of a cancel. One reader thread.
 *
 * <p>A server that keeps the connection alive with a trickle (a byte now and then, never a gap as
 * long as the read timeout) would hold a reader forever: so over every {@code readTimeout} spent
 * waiting for the server, at least {@value #MIN_BYTES_PER_SECOND} bytes per second must arrive.
 * Only the time blocked on the server counts, not the time the reader spends between reads.
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();
    private static final long POLL_MS = 200;
    /** The slowest delivery accepted, averaged over a read timeout of waiting: 1 KiB/s. */
    static final long MIN_BYTES_PER_SECOND = 1024;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration readTimeout;
    private final CancellationToken cancel;
    private final String source;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;
    /** Time waited for the server (ns) and bytes it delivered since the current rate window began. */
    private long windowWaitNanos;
    private long windowBytes;

    BodyStream(Duration readTimeout, CancellationToken cancel, String source) {
        this.readTimeout = readTimeout;
        this.cancel = cancel;
        this.source = source;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || !current.hasRemaining()) {
            if (pending.hasNext()) {
                current = pending.next();
                continue;
            }
            if (ended || !next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    /** Waits for the next delivery; false at the end of the body. */
    @SuppressWarnings("unchecked")
    private boolean next() throws IOException {
        long waited = 0;
        long t0 = System.nanoTime();
        while (true) {
            if (cancel.isCancelled()) {
                close();
                throw new CancelledException();
            }
            Object o;
            try {
                o = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new CancelledException();
            }
            if (o == null) {
                waited += POLL_MS;
                if (waited >= readTimeout.toMillis()) {
                    close();
                    throw new PacsException(source + ": no data from the server for " + readTimeout.toSeconds()
                            + " s (read timeout)");
                }
                continue;
            }
            if (o == END) {
                ended = true;
                return false;
            }
            if (o instanceof Throwable t) {
                ended = true;
                throw new PacsException(source + ": connection lost while reading the answer (" + describe(t) + ")", t);
            }
            List<ByteBuffer> delivery = (List<ByteBuffer>) o;
            checkRate(System.nanoTime() - t0, delivery);
            pending = delivery.iterator();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
            return true;
        }
    }

    /** Counts a delivery that took {@code waitNanos}; fails when a window of waiting brought too little. */
    private void checkRate(long waitNanos, List<ByteBuffer> delivery) throws PacsException {
        windowWaitNanos += waitNanos;
        for (ByteBuffer b : delivery) {
            windowBytes += b.remaining();
        }
        long window = readTimeout.toNanos();
        if (windowWaitNanos < window) {
            return;
        }
        double seconds = windowWaitNanos / 1e9;
        if (windowBytes < MIN_BYTES_PER_SECOND * seconds) {
            close();
            throw new PacsException(source + ": the server sends too slowly (" + windowBytes + " bytes in "
                    + Math.round(seconds) + " s, less than " + MIN_BYTES_PER_SECOND / 1024 + " KiB/s)");
        }
        windowWaitNanos = 0;
        windowBytes = 0;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null && !ended) {
            s.cancel();
        }
        ended = true;
        queue.clear();
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
