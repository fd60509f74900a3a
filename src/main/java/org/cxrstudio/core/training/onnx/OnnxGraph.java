package org.cxrstudio.core.training.onnx;

import com.google.protobuf.ByteString;
import org.cxrstudio.core.training.onnx.proto.Onnx.AttributeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.NodeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.OperatorSetIdProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorShapeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TypeProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ValueInfoProto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one ONNX graph builder (opset {@value #OPSET}, IR version {@value #IR_VERSION}) behind the
 * student exporter, the ensemble builder and the gate builder: appends nodes and initializers
 * (raw little-endian data) to a graph, inventing unique value names with a prefix, and wraps
 * the graph in a model. Not thread-safe; one per graph.
 *
 * <pre>{@code
 * OnnxGraph g = new OnnxGraph();
 * g.proto().addInput(OnnxGraph.floatValue("x", 1, 64, 64));
 * g.opTo("y", "Mul", new String[] {"x", g.floats("two", new float[] {2f})});
 * g.proto().addOutput(OnnxGraph.floatValue("y", 1, 64, 64));
 * ModelProto model = g.model("my tool").build();
 * }</pre>
 */
public final class OnnxGraph {
    public static final int OPSET = 13;
    public static final long IR_VERSION = 8;
    /** Written as the producer version of every model with a producer name. */
    static final String PRODUCER_VERSION = "0.1.0";

    private final GraphProto.Builder graph;
    private final String prefix;
    private int counter;

    /** A new graph whose names have no prefix. */
    public OnnxGraph() {
        this(GraphProto.newBuilder(), "");
    }

    /** Appends to {@code graph}; every invented name starts with {@code prefix}. */
    public OnnxGraph(GraphProto.Builder graph, String prefix) {
        this.graph = graph;
        this.prefix = prefix;
    }

    public GraphProto.Builder proto() {
        return graph;
    }

    /** A fresh value name like {@code prefix + hint + "_" + n}. */
    public String fresh(String hint) {
        return prefix + hint + "_" + (counter++);
    }

    /** Adds a float initializer and returns its name. */
    public String floats(String hint, float[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        return tensor(hint, TensorProto.DataType.FLOAT_VALUE, buf.array(), dims);
    }

    /** A float16 initializer (half the size), to be {@code Cast} to float where used. */
    public String halves(String hint, float[] data, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(2 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            buf.putShort(Float16.toHalf(v));
        }
        return tensor(hint, TensorProto.DataType.FLOAT16_VALUE, buf.array(), dims);
    }

    /** Adds a 1-D int64 initializer and returns its name. */
    public String longs(String hint, long... data) {
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

    /** Adds a node with a fresh output and returns the output name. */
    public String op(String opType, String[] inputs, AttributeProto... attrs) {
        String out = fresh(opType.toLowerCase(Locale.ROOT));
        opTo(out, opType, inputs, attrs);
        return out;
    }

    /** Adds a node writing the given output name. */
    public void opTo(String output, String opType, String[] inputs, AttributeProto... attrs) {
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

    /**
     * The graph as a model importing the default domain at {@value #OPSET}.
     *
     * @param producerName written with version {@value #PRODUCER_VERSION}; {@code null} for none
     */
    public ModelProto.Builder model(String producerName) {
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        if (producerName != null) {
            m.setProducerName(producerName).setProducerVersion(PRODUCER_VERSION);
        }
        return m;
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    public static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /** A float tensor value-info with a symbolic first dimension {@code N}; other dims fixed. */
    public static ValueInfoProto floatValue(String name, long... dimsAfterBatch) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dimsAfterBatch) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
