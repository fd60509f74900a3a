package org.cxrstudio.core.pretrained;

import org.cxrstudio.core.pretrained.TfliteTables.Operator;
import org.cxrstudio.core.pretrained.TfliteTables.Options;

import java.nio.ByteBuffer;

/** Decodes the builtin-options union of an operator for the option tables the reader knows. */
final class TfliteOptionsReader {
    private TfliteOptionsReader() {
    }

    static TfliteOptions read(ByteBuffer buf, Operator op, String what) throws PretrainedFormatException {
        int type = op.byteField(Operator.BUILTIN_OPTIONS_TYPE, 0) & 0xFF;
        long pos = op.target(Operator.BUILTIN_OPTIONS);
        if (pos < 0 || type == 0) {
            return TfliteOptions.NONE;
        }
        Options o = new Options();
        o.attach(buf, pos, what + " options");
        return switch (type) {
            case Options.TYPE_CONV -> new TfliteOptions(o.byteField(0, 0) == 0, positive(o.intField(2, 1), what),
                    positive(o.intField(1, 1), what), positive(o.intField(5, 1), what), positive(o.intField(4, 1), what),
                    1, 1, TfliteOptions.Activation.of(o.byteField(3, 0)));
            case Options.TYPE_DEPTHWISE -> new TfliteOptions(o.byteField(0, 0) == 0, positive(o.intField(2, 1), what),
                    positive(o.intField(1, 1), what), positive(o.intField(6, 1), what), positive(o.intField(5, 1), what),
                    1, 1, TfliteOptions.Activation.of(o.byteField(4, 0)));
            case Options.TYPE_POOL -> new TfliteOptions(o.byteField(0, 0) == 0, positive(o.intField(2, 1), what),
                    positive(o.intField(1, 1), what), 1, 1, positive(o.intField(4, 1), what),
                    positive(o.intField(3, 1), what), TfliteOptions.Activation.of(o.byteField(5, 0)));
            case Options.TYPE_ADD, Options.TYPE_FULLY_CONNECTED -> new TfliteOptions(false, 1, 1, 1, 1, 1, 1,
                    TfliteOptions.Activation.of(o.byteField(0, 0)));
            default -> TfliteOptions.NONE;
        };
    }

    private static int positive(int v, String what) throws PretrainedFormatException {
        if (v < 1 || v > 1 << 16) {
            throw new PretrainedFormatException(what + ": stride, dilation or filter size " + v + " out of range");
        }
        return v;
    }
}
