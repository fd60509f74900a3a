package org.cxrstudio.core.pretrained;

import org.cxrstudio.core.io.Sha256;
import org.cxrstudio.core.pretrained.TfliteTables.Buffer;
import org.cxrstudio.core.pretrained.TfliteTables.Model;
import org.cxrstudio.core.pretrained.TfliteTables.Operator;
import org.cxrstudio.core.pretrained.TfliteTables.OperatorCode;
import org.cxrstudio.core.pretrained.TfliteTables.SubGraph;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TensorFlow Lite model file read into memory: the tensors and operators of subgraph 0 plus the
 * constant data they point to. Every offset, vector length and tensor size is checked, so a
 * truncated, corrupt or foreign file fails with a {@link PretrainedFormatException} naming the
 * problem. Files are at most {@value #MAX_FILE_BYTES} bytes, constant tensors at most
 * {@value #MAX_TENSOR_BYTES}. Bytes after the flatbuffer (TFLite metadata appends a zip of
 * label files there) are not read. Immutable after reading; safe to share between threads.
 *
 * <pre>{@code
 * TfliteFile f = TfliteFile.read(Path.of("mobilenet_v2_1.0_224_quant.tflite"));
 * for (TfliteOperator op : f.operators()) { float[] w = f.dequantize(f.tensor(op.inputs()[1])); }
 * }</pre>
 */
public final class TfliteFile {
    public static final long MAX_FILE_BYTES = 256L << 20;
    public static final long MAX_TENSOR_BYTES = 64L << 20;

    private final String source;
    private final ByteBuffer buf;
    private final String sha256;
    private final int[] bufferStart;
    private final int[] bufferLength;
    private final List<TfliteTensor> tensors;
    private final List<TfliteOperator> operators;
    private final int[] inputs;
    private final int[] outputs;

    private TfliteFile(String source, byte[] bytes) throws PretrainedFormatException {
        this.source = source;
        this.sha256 = Sha256.of(bytes);
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8) {
            throw new PretrainedFormatException(source + ": " + bytes.length + " bytes, too short for a TFLite file");
        }
        if (!"TFL3".equals(new String(bytes, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            throw new PretrainedFormatException(source + ": not a TensorFlow Lite file (no \"TFL3\" identifier)");
        }
        Model model = new Model();
        model.attach(buf, buf.getInt(0) & 0xFFFFFFFFL, source + " model");
        int version = model.intField(Model.VERSION, 0);
        if (version != 3) {
            throw new PretrainedFormatException(source + ": TFLite schema version " + version + ", expected 3");
        }
        int nBuffers = model.vectorLength(Model.BUFFERS, 4);
        bufferStart = new int[nBuffers];
        bufferLength = new int[nBuffers];
        Buffer b = new Buffer();
        for (int i = 0; i < nBuffers; i++) {
            b.attach(buf, model.tableElement(Model.BUFFERS, i), source + " buffer " + i);
            bufferLength[i] = b.vectorLength(Buffer.DATA, 1);
            bufferStart[i] = bufferLength[i] == 0 ? 0 : b.vectorStart(Buffer.DATA);
            if (bufferLength[i] == 0 && b.longField(Buffer.OFFSET, 0) > 1) {
                bufferLength[i] = -1; // data outside the flatbuffer (files over 2 GB): not supported
            }
        }
        int[] codes = readOpcodes(model);
        if (model.vectorLength(Model.SUBGRAPHS, 4) < 1) {
            throw new PretrainedFormatException(source + ": no subgraph");
        }
        SubGraph g = new SubGraph();
        g.attach(buf, model.tableElement(Model.SUBGRAPHS, 0), source + " subgraph 0");
        tensors = TfliteTensorReader.readAll(buf, g, source, nBuffers, bufferLength);
        inputs = checkedIndices(g.ints(SubGraph.INPUTS), 0, source + " subgraph input");
        outputs = checkedIndices(g.ints(SubGraph.OUTPUTS), 0, source + " subgraph output");
        operators = readOperators(g, codes);
        TfliteExtras.check(buf, model, g, source, nBuffers, tensors.size());
    }

    /** Reads and checks {@code file}. */
    public static TfliteFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new PretrainedFormatException(file + ": no such file");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new PretrainedFormatException(file + ": " + size + " bytes, larger than the " + MAX_FILE_BYTES
                    + "-byte limit for a TFLite model");
        }
        return new TfliteFile(file.toString(), Files.readAllBytes(file));
    }

    /** Checks and wraps {@code bytes} (not copied; do not modify them afterwards). */
    public static TfliteFile parse(byte[] bytes, String sourceName) throws PretrainedFormatException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new PretrainedFormatException(sourceName + ": larger than the " + MAX_FILE_BYTES + "-byte limit");
        }
        return new TfliteFile(sourceName, bytes);
    }

    private int[] readOpcodes(Model model) throws PretrainedFormatException {
        int n = model.vectorLength(Model.OPERATOR_CODES, 4);
        int[] codes = new int[n];
        OperatorCode c = new OperatorCode();
        for (int i = 0; i < n; i++) {
            c.attach(buf, model.tableElement(Model.OPERATOR_CODES, i), source + " operator code " + i);
            // Old writers fill only the byte field, new ones both; TFLite itself takes the larger.
            codes[i] = Math.max(c.byteField(OperatorCode.DEPRECATED_BUILTIN_CODE, 0), c.intField(OperatorCode.BUILTIN_CODE, 0));
        }
        return codes;
    }

    private List<TfliteOperator> readOperators(SubGraph g, int[] codes) throws PretrainedFormatException {
        int n = g.vectorLength(SubGraph.OPERATORS, 4);
        List<TfliteOperator> out = new ArrayList<>(n);
        Operator op = new Operator();
        for (int i = 0; i < n; i++) {
            String what = source + " operator " + i;
            op.attach(buf, g.tableElement(SubGraph.OPERATORS, i), what);
            int opcode = op.intField(Operator.OPCODE_INDEX, 0);
            if (opcode < 0 || opcode >= codes.length) {
                throw new PretrainedFormatException(what + ": opcode index " + opcode + " of " + codes.length);
            }
            int[] in = checkedIndices(op.ints(Operator.INPUTS), -1, what);
            int[] outs = checkedIndices(op.ints(Operator.OUTPUTS), 0, what + " output");
            TfliteOptions options = TfliteOptionsReader.read(buf, op, what);
            out.add(new TfliteOperator(i, codes[opcode], "", in, outs, options));
        }
        return List.copyOf(out);
    }

    /**
     * Checks that every index names a tensor of this file.
     *
     * @param lowest {@code -1} where an omitted optional tensor is allowed (operator inputs), else {@code 0}
     * @param what   the place, for the message, starting with the source name
     */
    private int[] checkedIndices(int[] idx, int lowest, String what) throws PretrainedFormatException {
        for (int t : idx) {
            if (t < lowest || t >= tensors.size()) {
                throw new PretrainedFormatException(what + ": tensor index " + t + " of " + tensors.size());
            }
        }
        return idx;
    }

    /** The file name or label given when reading, for messages. */
    public String source() {
        return source;
    }

    /** Lower-case hex SHA-256 of the whole file. */
    public String sha256() {
        return sha256;
    }

    public List<TfliteTensor> tensors() {
        return tensors;
    }

    public TfliteTensor tensor(int index) throws PretrainedFormatException {
        if (index < 0 || index >= tensors.size()) {
            throw new PretrainedFormatException(source + ": no tensor " + index);
        }
        return tensors.get(index);
    }

    /** Operators of subgraph 0 in execution order. */
    public List<TfliteOperator> operators() {
        return operators;
    }

    public int[] inputs() {
        return inputs.clone();
    }

    public int[] outputs() {
        return outputs.clone();
    }

    /** True when the tensor has constant data in the file. */
    public boolean hasData(TfliteTensor t) {
        return bufferLength[t.buffer()] != 0;
    }

    /**
     * The tensor's constant values as floats, dequantised per channel for UINT8, INT8 and INT32
     * ({@code scale[c] * (q - zeroPoint[c])}); FLOAT32 is returned as stored. Row-major in the
     * tensor's own shape.
     */
    public float[] dequantize(TfliteTensor t) throws PretrainedFormatException {
        int len = bufferLength[t.buffer()];
        if (len <= 0) {
            throw new PretrainedFormatException(source + ": " + t + " has no constant data in the file");
        }
        return Dequantizer.dequantize(buf, bufferStart[t.buffer()], t, source);
    }

}
