package org.cxrstudio.core.pretrained;

import org.cxrstudio.core.pretrained.TfliteTables.Quantization;
import org.cxrstudio.core.pretrained.TfliteTables.SubGraph;
import org.cxrstudio.core.pretrained.TfliteTables.Tensor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks the tensor tables of a subgraph (shapes, buffer indices, quantisation, data size). */
final class TfliteTensorReader {
    private static final int MAX_RANK = 8;

    private TfliteTensorReader() {
    }

    static List<TfliteTensor> readAll(ByteBuffer buf, SubGraph g, String source, int nBuffers, int[] bufferLength)
            throws PretrainedFormatException {
        int n = g.vectorLength(SubGraph.TENSORS, 4);
        List<TfliteTensor> out = new ArrayList<>(n);
        Tensor t = new Tensor();
        Quantization q = new Quantization();
        for (int i = 0; i < n; i++) {
            String what = source + " tensor " + i;
            t.attach(buf, g.tableElement(SubGraph.TENSORS, i), what);
            int[] shape = t.ints(Tensor.SHAPE);
            TfliteTensor.ElementType type = TfliteTensor.ElementType.of(t.byteField(Tensor.TYPE, 0));
            int buffer = t.intField(Tensor.BUFFER, 0);
            if (buffer < 0 || buffer >= Math.max(nBuffers, 1)) {
                throw new PretrainedFormatException(what + ": buffer index " + (buffer & 0xFFFFFFFFL) + " of " + nBuffers);
            }
            float[] scale = new float[0];
            long[] zero = new long[0];
            int qdim = 0;
            long qpos = t.target(Tensor.QUANTIZATION);
            if (qpos >= 0) {
                q.attach(buf, qpos, what + " quantization");
                scale = q.floats(Quantization.SCALE);
                zero = q.longs(Quantization.ZERO_POINT);
                qdim = q.intField(Quantization.QUANTIZED_DIMENSION, 0);
                if (scale.length > 0 && q.byteField(Quantization.DETAILS_TYPE, 0) != 0) {
                    throw new PretrainedFormatException(what + ": custom quantisation details are not supported");
                }
            }
            TfliteTensor tensor = new TfliteTensor(i, t.string(Tensor.NAME), type, shape, nBuffers == 0 ? 0 : buffer,
                    scale, zero, qdim);
            int dataLength = nBuffers == 0 ? 0 : bufferLength[buffer];
            check(tensor, dataLength, t.target(Tensor.SPARSITY) >= 0, what);
            out.add(tensor);
        }
        return List.copyOf(out);
    }

    private static void check(TfliteTensor t, int dataLength, boolean sparse, String what) throws PretrainedFormatException {
        int[] shape = t.shape();
        if (shape.length > MAX_RANK) {
            throw new PretrainedFormatException(what + ": rank " + shape.length + " (at most " + MAX_RANK + ")");
        }
        if (dataLength == 0) {
            return; // activation tensor: shape may hold -1 or 0 for dynamic sizes
        }
        if (dataLength < 0) {
            throw new PretrainedFormatException(what + ": data stored outside the flatbuffer is not supported");
        }
        if (sparse) {
            throw new PretrainedFormatException(what + ": sparse constant tensors are not supported");
        }
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new PretrainedFormatException(what + ": negative dimension in constant shape");
            }
            count *= d;
            if (count > TfliteFile.MAX_TENSOR_BYTES) {
                throw new PretrainedFormatException(what + ": more than " + TfliteFile.MAX_TENSOR_BYTES + " elements");
            }
        }
        long bytes = count * t.type().bytes();
        if (t.type() != TfliteTensor.ElementType.OTHER && bytes != dataLength) {
            throw new PretrainedFormatException(what + ": shape needs " + bytes + " bytes but the buffer holds " + dataLength);
        }
        if (dataLength > TfliteFile.MAX_TENSOR_BYTES) {
            throw new PretrainedFormatException(what + ": " + dataLength + " bytes, over the " + TfliteFile.MAX_TENSOR_BYTES
                    + "-byte limit per tensor");
        }
        int nScale = t.scale().length;
        if (nScale > 1) {
            int qd = t.quantizedDimension();
            if (qd < 0 || qd >= shape.length || shape[qd] != nScale) {
                throw new PretrainedFormatException(what + ": " + nScale + " scales do not match quantised dimension "
                        + qd + " of the shape");
            }
        }
        int nZero = t.zeroPoint().length;
        if (nZero > 1 && nZero != nScale) {
            throw new PretrainedFormatException(what + ": " + nZero + " zero points for " + nScale + " scales");
        }
    }
}
