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
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();
    private static final long POLL_MS = 200;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration readTimeout;
    private final CancellationToken cancel;
    private final String source;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;

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
            pending = ((List<ByteBuffer>) o).iterator();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
            return true;
        }
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
