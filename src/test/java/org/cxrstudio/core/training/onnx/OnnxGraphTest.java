package org.cxrstudio.core.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cxrstudio.core.training.onnx.proto.Onnx.GraphProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.TensorProto;
import org.junit.jupiter.api.Test;

/** The shared ONNX builder: names, raw little-endian initializers, the model wrapper. */
class OnnxGraphTest {

    @Test
    void namesArePrefixedAndUnique() {
        OnnxGraph g = new OnnxGraph(GraphProto.newBuilder(), "m0/");
        String w = g.floats("w", new float[] {1f, 2f}, 2);
        String y = g.op("Mul", new String[] {"x", w}, OnnxGraph.integer("axis", 1));
        assertThat(w).isEqualTo("m0/w_0");
        assertThat(y).isEqualTo("m0/mul_1");
        assertThat(g.proto().getNode(0).getName()).isEqualTo("m0/n2");
        assertThat(g.proto().getNode(0).getInputList()).containsExactly("x", "m0/w_0");
        assertThat(g.proto().getNode(0).getAttribute(0).getI()).isEqualTo(1);
    }

    @Test
    void initializersAreRawLittleEndian() {
        OnnxGraph g = new OnnxGraph();
        g.longs("shape", 1, -1);
        g.halves("h", new float[] {1f, -2f}, 1, 2);
        TensorProto longs = g.proto().getInitializer(0);
        assertThat(longs.getDataType()).isEqualTo(TensorProto.DataType.INT64_VALUE);
        assertThat(longs.getDimsList()).containsExactly(2L);
        ByteBuffer b = longs.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(1L, -1L);
        TensorProto halves = g.proto().getInitializer(1);
        assertThat(halves.getDataType()).isEqualTo(TensorProto.DataType.FLOAT16_VALUE);
        assertThat(halves.getDimsList()).containsExactly(1L, 2L);
        assertThat(halves.getRawData().toByteArray()).containsExactly(0x00, 0x3C, 0x00, 0xC0);
    }

    @Test
    void modelImportsTheOpsetAndNamesTheProducerWhenGiven() {
        OnnxGraph g = new OnnxGraph();
        g.proto().setName("t");
        ModelProto named = g.model("tool").build();
        assertThat(named.getIrVersion()).isEqualTo(OnnxGraph.IR_VERSION);
        assertThat(named.getOpsetImport(0).getVersion()).isEqualTo(OnnxGraph.OPSET);
        assertThat(named.getOpsetImport(0).getDomain()).isEmpty();
        assertThat(named.getProducerName()).isEqualTo("tool");
        assertThat(named.getProducerVersion()).isEqualTo("0.1.0");
        assertThat(named.getGraph().getName()).isEqualTo("t");
        ModelProto anonymous = g.model(null).build();
        assertThat(anonymous.getProducerName()).isEmpty();
        assertThat(anonymous.getProducerVersion()).isEmpty();
    }
}
