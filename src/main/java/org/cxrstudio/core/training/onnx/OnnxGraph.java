package org.cxrstudio.core.training.onnx;

import com.google.protobuf.ByteString;
import org.cxrstudio.core.training.onnx.proto.Onnx.AttributeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.NodeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorShapeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TypeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ValueInfoProto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Small helper that appends ONNX nodes and initializers (opset {@value #OPSET}) to a graph,
 * inventing unique value names with a prefix. Not thread-safe; one per export.
 */
final class OnnxGraph {
    static final int OPSET = 13;
    static final long IR_VERSION = 8;

    private final GraphProto.Builder graph;
    private final String prefix;
    private int counter;

    OnnxGraph(GraphProto.Builder graph, String prefix) {
        this.graph = graph;
        this.prefix = prefix;
    }

    GraphProto.Builder proto() {
        return graph;
    }

    /** A fresh value name like {@code prefix + hint + "_" + n}. */
    String fresh(String hint) {
        return prefix + hint + "_" + (counter++);
    }

    /** Adds a float initializer (raw little-endian data) and returns its name. */
    String floats(String hint, float[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        String name = fresh(hint);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(java.util.Arrays.stream(dims).boxed().toList()).setRawData(ByteString.copyFrom(buf.array())));
        return name;
    }

    /** Adds an int64 initializer and returns its name. */
    String longs(String hint, long... data) {
        String name = fresh(hint);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(data.length).addAllInt64Data(java.util.Arrays.stream(data).boxed().toList()));
        return name;
    }

    /** Adds a node with a fresh output and returns the output name. */
    String op(String opType, String[] inputs, AttributeProto... attrs) {
        String out = fresh(opType.toLowerCase(java.util.Locale.ROOT));
        opTo(out, opType, inputs, attrs);
        return out;
    }

    /** Adds a node writing the given output name. */
    void opTo(String output, String opType, String[] inputs, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setName(prefix + "n" + (counter++)).setOpType(opType)
                .addOutput(output);
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

    static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /** A float tensor value-info with a symbolic first dimension {@code N}; other dims fixed. */
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
