package org.cxrstudio.app.gui;

import org.cxrstudio.core.gate.GateLoadException;
import org.cxrstudio.core.gate.InputGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's one input gate, shared by every model slot: the bundled {@code models/gate.onnx},
 * loaded on first use (on a worker thread). When it does not load the viewer still opens images,
 * but {@link #gate()} is empty and every image is refused with {@link #problem()} until the user
 * chooses "Score anyway". Thread-safe.
 */
final class ViewerGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerGate.class);
    private final Source source;
    private InputGate gate;
    private String problem;
    private boolean tried;

    /** Where the gate comes from. */
    @FunctionalInterface
    interface Source {
        InputGate load() throws GateLoadException;
    }

    /** The bundled gate ({@link InputGate#loadDefault()}). */
    ViewerGate() {
        this(InputGate::loadDefault);
    }

    ViewerGate(Source source) {
        this.source = source;
    }

    /** The loaded gate, or {@code null} when it could not be loaded (see {@link #problem()}). */
    synchronized InputGate gate() {
        if (!tried) {
            tried = true;
            try {
                gate = source.load();
            } catch (GateLoadException | RuntimeException e) {
                problem = e.getMessage();
                LOG.warn("input gate not available: {}", problem);
            }
        }
        return gate;
    }

    /** Why the gate is unavailable, or {@code null}. */
    synchronized String problem() {
        return problem;
    }

    @Override
    public synchronized void close() {
        if (gate != null) {
            gate.close();
            gate = null;
        }
    }
}
