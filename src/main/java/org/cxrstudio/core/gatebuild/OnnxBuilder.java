package org.cxrstudio.core.gatebuild;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import org.cxrstudio.core.training.onnx.proto.Onnx.AttributeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.NodeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorShapeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TypeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ValueInfoProto;

/**
 * Appends ONNX (opset {@value #OPSET}) nodes and initializers to a graph with fresh value names.
 * Not thread-safe; one per graph.
 */
final class OnnxBuilder {
    static final int OPSET = 13;
    static final long IR_VERSION = 8;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int counter;

    GraphProto.Builder proto() {
        return graph;
    }

    String fresh(String hint) {
        return hint + "_" + (counter++);
    }

    String floats(String hint, float[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        return tensor(hint, TensorProto.DataType.FLOAT_VALUE, buf.array(), dims);
    }

    /** A float16 initializer (half the size), to be {@code Cast} to float where used. */
    String halves(String hint, float[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(2 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            buf.putShort(toHalf(v));
        }
        return tensor(hint, TensorProto.DataType.FLOAT16_VALUE, buf.array(), dims);
    }

    /** IEEE 754 binary16 bits of {@code v}, rounded to nearest even; overflow to infinity. */
    static short toHalf(float v) {
        int f = Float.floatToIntBits(v);
        int sign = (f >>> 16) & 0x8000;
        int exp = ((f >>> 23) & 0xFF) - 127 + 15;
        int mant = f & 0x7FFFFF;
        if (((f >>> 23) & 0xFF) == 0xFF) {
            return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 : 0));
        }
        if (exp >= 31) {
            return (short) (sign | 0x7C00);
        }
        if (exp <= 0) {
            if (exp < -10) {
                return (short) sign;
            }
            mant |= 0x800000;
            int shift = 14 - exp;
            int half = mant >> shift;
            int rest = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rest > mid || (rest == mid && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (exp << 10) | (mant >> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | half);
    }

    /** The float value of binary16 bits {@code h}. */
    static float fromHalf(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant / 1024f / 16384f; // 2^-14 * mant/1024
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    String longs(String hint, long... data) {
        ByteBuffer buf = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asLongBuffer().put(data);
        return tensor(hint, TensorProto.DataType.INT64_VALUE, buf.array(), data.length);
    }

    private String tensor(String hint, int type, byte[] raw, long... dims) {
        String name = fresh(hint);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(type)
                .addAllDims(Arrays.stream(dims).boxed().toList()).setRawData(ByteString.copyFrom(raw)));
        return name;
    }

    String op(String opType, String[] inputs, AttributeProto... attrs) {
        String out = fresh(opType.toLowerCase(Locale.ROOT));
        opTo(out, opType, inputs, attrs);
        return out;
    }

    void opTo(String output, String opType, String[] inputs, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setName("n" + (counter++)).setOpType(opType).addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** A float tensor value-info with a symbolic first dimension {@code N}. */
    static ValueInfoProto floatValue(String name, long... dimsAfterBatch) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dimsAfterBatch) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
