package org.cxrstudio.core.pretrained;

import com.google.flatbuffers.Table;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * A FlatBuffers table whose every access is checked against the buffer before the runtime reads it,
 * so a corrupt file gives a {@link PretrainedFormatException} instead of an index exception. Field
 * ids are the declaration order in TFLite's {@code schema.fbs} (a union takes two ids: type, value).
 */
abstract class FbTable extends Table {
    private String what = "table";

    /** Points this table at {@code pos} after checking its vtable lies inside the buffer. */
    final void attach(ByteBuffer buf, long pos, String name) throws PretrainedFormatException {
        this.what = name;
        int limit = buf.limit();
        if (pos < 0 || pos + 4 > limit) {
            throw fail("table offset " + pos + " outside the file", name);
        }
        long vt = pos - buf.getInt((int) pos);
        if (vt < 0 || vt + 4 > limit) {
            throw fail("vtable offset " + vt + " outside the file", name);
        }
        int vtSize = buf.getShort((int) vt) & 0xFFFF;
        int tableSize = buf.getShort((int) vt + 2) & 0xFFFF;
        if (vtSize < 4 || (vtSize & 1) != 0 || vt + vtSize > limit || tableSize < 4 || pos + tableSize > limit) {
            throw fail("vtable size " + vtSize + " / table size " + tableSize + " out of range", name);
        }
        __reset((int) pos, buf);
        for (int o = 4; o < vtSize; o += 2) {
            int field = buf.getShort((int) vt + o) & 0xFFFF;
            if (field != 0 && (field < 4 || field >= tableSize)) {
                throw fail("field offset " + field + " outside its table", name);
            }
        }
    }

    final String what() {
        return what;
    }

    /** Absolute position of field {@code id} with {@code size} bytes, or -1 when absent. */
    private int field(int id, int size) throws PretrainedFormatException {
        int o = __offset(4 + 2 * id);
        if (o == 0) {
            return -1;
        }
        if ((long) bb_pos + o + size > bb.limit()) {
            throw fail("field " + id + " runs past the end of the file", what);
        }
        return bb_pos + o;
    }

    final int intField(int id, int fallback) throws PretrainedFormatException {
        int p = field(id, 4);
        return p < 0 ? fallback : bb.getInt(p);
    }

    final int byteField(int id, int fallback) throws PretrainedFormatException {
        int p = field(id, 1);
        return p < 0 ? fallback : bb.get(p);
    }

    final long longField(int id, long fallback) throws PretrainedFormatException {
        int p = field(id, 8);
        return p < 0 ? fallback : bb.getLong(p);
    }

    /** Absolute position the offset field {@code id} points to, or -1 when absent. */
    final long target(int id) throws PretrainedFormatException {
        int p = field(id, 4);
        if (p < 0) {
            return -1;
        }
        long t = p + (bb.getInt(p) & 0xFFFFFFFFL);
        if (t + 4 > bb.limit()) {
            throw fail("offset in field " + id + " points outside the file", what);
        }
        return t;
    }

    /** Element count of vector field {@code id} (0 when absent), checked against the file size. */
    final int vectorLength(int id, int elementSize) throws PretrainedFormatException {
        long v = target(id);
        if (v < 0) {
            return 0;
        }
        int len = bb.getInt((int) v);
        if (len < 0 || v + 4 + (long) len * elementSize > bb.limit()) {
            throw fail("vector in field " + id + " claims " + (len & 0xFFFFFFFFL) + " elements, past the end of the file", what);
        }
        return len;
    }

    /** Absolute position of the first element of vector field {@code id}; call after {@link #vectorLength}. */
    final int vectorStart(int id) throws PretrainedFormatException {
        return (int) target(id) + 4;
    }

    final int[] ints(int id) throws PretrainedFormatException {
        IntBuffer v = vector(id, 4).asIntBuffer();
        int[] out = new int[v.remaining()];
        v.get(out);
        return out;
    }

    final float[] floats(int id) throws PretrainedFormatException {
        FloatBuffer v = vector(id, 4).asFloatBuffer();
        float[] out = new float[v.remaining()];
        v.get(out);
        return out;
    }

    final long[] longs(int id) throws PretrainedFormatException {
        LongBuffer v = vector(id, 8).asLongBuffer();
        long[] out = new long[v.remaining()];
        v.get(out);
        return out;
    }

    /** The elements of vector field {@code id} (none when absent), a view in the file's byte order. */
    private ByteBuffer vector(int id, int elementSize) throws PretrainedFormatException {
        int n = vectorLength(id, elementSize);
        int s = n == 0 ? 0 : vectorStart(id);
        return bb.duplicate().position(s).limit(s + n * elementSize).slice().order(bb.order());
    }

    /** Position of table element {@code i} of a vector of tables (offsets), checked. */
    final long tableElement(int id, int i) throws PretrainedFormatException {
        int p = vectorStart(id) + 4 * i;
        long t = p + (bb.getInt(p) & 0xFFFFFFFFL);
        if (t + 4 > bb.limit()) {
            throw fail("element " + i + " of field " + id + " points outside the file", what);
        }
        return t;
    }

    /** A UTF-8 string field, or "" when absent; length checked. */
    final String string(int id) throws PretrainedFormatException {
        int n = vectorLength(id, 1);
        if (n == 0) {
            return "";
        }
        byte[] b = new byte[Math.min(n, 4096)];
        bb.duplicate().position(vectorStart(id)).get(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    static PretrainedFormatException fail(String problem, String where) {
        return new PretrainedFormatException(where + ": " + problem);
    }
}
