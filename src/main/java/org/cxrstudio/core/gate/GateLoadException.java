package org.cxrstudio.core.gate;

import java.io.IOException;

/** STUB until branch gate lands (GATE-API.md). */
public final class GateLoadException extends IOException {
    public GateLoadException(String message) {
        super(message);
    }
}
