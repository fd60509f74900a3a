package org.cxrstudio.core.inference;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes tiny hand-made ONNX models (protobuf wire format, field numbers of onnx.proto) for tests
 * that must not depend on a trained network: input {@code N×C×S×S} → AveragePool(k) = {@code cam}
 * → Sigmoid(ReduceMean over h, w) = {@code probability}.
 */
public final class TinyOnnx {
    private TinyOnnx() { }

    /** @param channels input channels (1 for a valid TB model) */
    public static byte[] model(int channels, int size, int pool, String probName, String camName, String cardJson) throws IOException {
        Msg graph = new Msg()
                .msg(1, node("pool", "AveragePool", new String[] {"input"}, new String[] {camName},
                        intsAttr("kernel_shape", pool, pool), intsAttr("strides", pool, pool)))
                .msg(1, node("mean", "ReduceMean", new String[] {camName}, new String[] {"pooled"},
                        intsAttr("axes", 2, 3), intAttr("keepdims", 0)))
                .msg(1, node("sig", "Sigmoid", new String[] {"pooled"}, new String[] {probName}))
                .str(2, "tiny")
                .msg(11, valueInfo("input", "N", channels, size, size))
                .msg(12, valueInfo(probName, "N", channels))
                .msg(12, valueInfo(camName, "N", channels, size / pool, size / pool));
        Msg model = new Msg().i64(1, 7).str(2, "cxr-test").msg(7, graph).msg(8, new Msg().str(1, "").i64(2, 13));
        if (cardJson != null) {
            model.msg(14, new Msg().str(1, ModelCard.METADATA_KEY).str(2, cardJson));
        }
        return model.bytes();
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    private static Msg node(String name, String op, String[] in, String[] out, Msg... attrs) {
        Msg m = new Msg();
        for (String s : in) {
            m.str(1, s);
        }
        for (String s : out) {
            m.str(2, s);
        }
        m.str(3, name).str(4, op);
        for (Msg a : attrs) {
            m.msg(5, a);
        }
        return m;
    }

    private static Msg intsAttr(String name, long... values) {
        Msg m = new Msg().str(1, name);
        for (long v : values) {
            m.i64(8, v);
        }
        return m.i64(20, 7); // AttributeType INTS
    }

    private static Msg intAttr(String name, long v) {
        return new Msg().str(1, name).i64(3, v).i64(20, 2); // INT
    }

    /** A float tensor value info; a String dim is symbolic. */
    private static Msg valueInfo(String name, Object... dims) {
        Msg shape = new Msg();
        for (Object d : dims) {
            shape.msg(1, d instanceof String s ? new Msg().str(2, s) : new Msg().i64(1, ((Number) d).longValue()));
        }
        Msg tensor = new Msg().i64(1, 1).msg(2, shape); // elem_type FLOAT
        return new Msg().str(1, name).msg(2, new Msg().msg(1, tensor));
    }

    /** A protobuf message under construction. */
    private static final class Msg {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buf);

        Msg str(int field, String v) {
            return run(() -> out.writeString(field, v));
        }

        Msg i64(int field, long v) {
            return run(() -> out.writeInt64(field, v));
        }

        Msg msg(int field, Msg m) {
            return run(() -> out.writeBytes(field, ByteString.copyFrom(m.bytes())));
        }

        byte[] bytes() {
            run(out::flush);
            return buf.toByteArray();
        }

        private Msg run(IoAction a) {
            try {
                a.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
