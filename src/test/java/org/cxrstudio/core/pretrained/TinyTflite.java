package org.cxrstudio.core.pretrained;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * Builds a minimal TFLite flatbuffer for tests: float input [1,4,4,3] -> one 1x1 CONV_2D with
 * int8 per-channel weights [2,1,1,3] (scales 0.5 and 0.25, zero points 0 and 1) and int32 bias
 * (scale 0.1) -> output [1,4,4,2]. Field ids as in TFLite's schema.fbs.
 */
final class TinyTflite {
    static final byte[] WEIGHTS = {2, -4, 6, 1, 5, -3};
    static final int[] BIAS = {10, -20};

    private TinyTflite() {
    }

    /**
     * @param deprecatedCode value of OperatorCode.deprecated_builtin_code (byte)
     * @param builtinCode    value of OperatorCode.builtin_code, or -1 to leave it out (old writers)
     */
    static byte[] build(int deprecatedCode, int builtinCode) {
        FlatBufferBuilder b = new FlatBufferBuilder(1024);
        int empty = buffer(b, null);
        int wData = buffer(b, WEIGHTS);
        byte[] bias = new byte[8];
        java.nio.ByteBuffer.wrap(bias).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(BIAS[0]).putInt(BIAS[1]);
        int bData = buffer(b, bias);
        int buffers = vectorOfOffsets(b, empty, wData, bData);

        int wq = quant(b, new float[] {0.5f, 0.25f}, new long[] {0, 1}, 0);
        int bq = quant(b, new float[] {0.1f}, new long[] {0}, 0);
        int t0 = tensor(b, "input", new int[] {1, 4, 4, 3}, 0, 0, 0);
        int t1 = tensor(b, "weights", new int[] {2, 1, 1, 3}, 9, 1, wq);
        int t2 = tensor(b, "bias", new int[] {2}, 2, 2, bq);
        int t3 = tensor(b, "output", new int[] {1, 4, 4, 2}, 0, 0, 0);
        int tensors = vectorOfOffsets(b, t0, t1, t2, t3);

        b.startTable(7); // Conv2DOptions
        b.addByte(0, (byte) 0, -1); // SAME
        b.addInt(1, 1, 0);
        b.addInt(2, 1, 0);
        b.addByte(3, (byte) 3, -1); // RELU6
        int options = b.endTable();
        int opIn = ints(b, 0, 1, 2);
        int opOut = ints(b, 3);
        b.startTable(5);
        b.addInt(0, 0, -1);
        b.addOffset(1, opIn, 0);
        b.addOffset(2, opOut, 0);
        b.addByte(3, (byte) 1, -1); // BuiltinOptions.Conv2DOptions
        b.addOffset(4, options, 0);
        int op = b.endTable();
        int ops = vectorOfOffsets(b, op);
        int gIn = ints(b, 0);
        int gOut = ints(b, 3);
        b.startTable(5);
        b.addOffset(0, tensors, 0);
        b.addOffset(1, gIn, 0);
        b.addOffset(2, gOut, 0);
        b.addOffset(3, ops, 0);
        int graph = b.endTable();
        int graphs = vectorOfOffsets(b, graph);

        b.startTable(4);
        b.addByte(0, (byte) deprecatedCode, -1);
        b.addInt(2, 1, -1);
        if (builtinCode >= 0) {
            b.addInt(3, builtinCode, -1);
        }
        int code = b.endTable();
        int codes = vectorOfOffsets(b, code);

        b.startTable(5);
        b.addInt(0, 3, -1);
        b.addOffset(1, codes, 0);
        b.addOffset(2, graphs, 0);
        b.addOffset(4, buffers, 0);
        int model = b.endTable();
        b.finish(model, "TFL3");
        return b.sizedByteArray();
    }

    private static int buffer(FlatBufferBuilder b, byte[] data) {
        int v = data == null ? 0 : b.createByteVector(data);
        b.startTable(3);
        if (data != null) {
            b.addOffset(0, v, 0);
        }
        return b.endTable();
    }

    private static int quant(FlatBufferBuilder b, float[] scale, long[] zero, int dim) {
        b.startVector(4, scale.length, 4);
        for (int i = scale.length - 1; i >= 0; i--) {
            b.addFloat(scale[i]);
        }
        int s = b.endVector();
        b.startVector(8, zero.length, 8);
        for (int i = zero.length - 1; i >= 0; i--) {
            b.addLong(zero[i]);
        }
        int z = b.endVector();
        b.startTable(7);
        b.addOffset(2, s, 0);
        b.addOffset(3, z, 0);
        b.addInt(6, dim, -1);
        return b.endTable();
    }

    private static int tensor(FlatBufferBuilder b, String name, int[] shape, int type, int buffer, int quant) {
        int s = ints(b, shape);
        int n = b.createString(name);
        b.startTable(5);
        b.addOffset(0, s, 0);
        b.addByte(1, (byte) type, -1);
        b.addInt(2, buffer, -1);
        b.addOffset(3, n, 0);
        if (quant != 0) {
            b.addOffset(4, quant, 0);
        }
        return b.endTable();
    }

    private static int ints(FlatBufferBuilder b, int... values) {
        b.startVector(4, values.length, 4);
        for (int i = values.length - 1; i >= 0; i--) {
            b.addInt(values[i]);
        }
        return b.endVector();
    }

    private static int vectorOfOffsets(FlatBufferBuilder b, int... offsets) {
        b.startVector(4, offsets.length, 4);
        for (int i = offsets.length - 1; i >= 0; i--) {
            b.addOffset(offsets[i]);
        }
        return b.endVector();
    }
}
