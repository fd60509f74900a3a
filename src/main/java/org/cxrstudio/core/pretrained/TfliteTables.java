package org.cxrstudio.core.pretrained;

/**
 * The TFLite tables this reader needs, as thin {@link FbTable}s. Field ids follow the declaration
 * order of {@code tensorflow/compiler/mlir/lite/schema/schema.fbs} (file identifier "TFL3").
 */
final class TfliteTables {
    private TfliteTables() {
    }

    /** {@code table Model}: version 0, operator_codes 1, subgraphs 2, description 3, buffers 4. */
    static final class Model extends FbTable {
        static final int VERSION = 0;
        static final int OPERATOR_CODES = 1;
        static final int SUBGRAPHS = 2;
        static final int BUFFERS = 4;
    }

    /** {@code table SubGraph}: tensors 0, inputs 1, outputs 2, operators 3, name 4. */
    static final class SubGraph extends FbTable {
        static final int TENSORS = 0;
        static final int INPUTS = 1;
        static final int OUTPUTS = 2;
        static final int OPERATORS = 3;
    }

    /** {@code table Tensor}: shape 0, type 1, buffer 2, name 3, quantization 4, is_variable 5, sparsity 6. */
    static final class Tensor extends FbTable {
        static final int SHAPE = 0;
        static final int TYPE = 1;
        static final int BUFFER = 2;
        static final int NAME = 3;
        static final int QUANTIZATION = 4;
        static final int SPARSITY = 6;
    }

    /** {@code table QuantizationParameters}: min 0, max 1, scale 2, zero_point 3, details 4+5, quantized_dimension 6. */
    static final class Quantization extends FbTable {
        static final int SCALE = 2;
        static final int ZERO_POINT = 3;
        static final int DETAILS_TYPE = 4;
        static final int QUANTIZED_DIMENSION = 6;
    }

    /** {@code table Buffer}: data 0, offset 1, size 2 (offset/size only for files over 2 GB). */
    static final class Buffer extends FbTable {
        static final int DATA = 0;
        static final int OFFSET = 1;
    }

    /** {@code table OperatorCode}: deprecated_builtin_code 0 (byte), custom_code 1, version 2, builtin_code 3. */
    static final class OperatorCode extends FbTable {
        static final int DEPRECATED_BUILTIN_CODE = 0;
        static final int CUSTOM_CODE = 1;
        static final int BUILTIN_CODE = 3;
    }

    /** {@code table Operator}: opcode_index 0, inputs 1, outputs 2, builtin_options 3 (type) + 4. */
    static final class Operator extends FbTable {
        static final int OPCODE_INDEX = 0;
        static final int INPUTS = 1;
        static final int OUTPUTS = 2;
        static final int BUILTIN_OPTIONS_TYPE = 3;
        static final int BUILTIN_OPTIONS = 4;
    }

    /**
     * One of the scalar-only option tables; which ids mean what depends on the union type:
     * Conv2DOptions (type 1): padding 0, stride_w 1, stride_h 2, activation 3, dilation_w 4, dilation_h 5;
     * DepthwiseConv2DOptions (2): padding 0, stride_w 1, stride_h 2, depth_multiplier 3, activation 4,
     * dilation_w 5, dilation_h 6; Pool2DOptions (5): padding 0, stride_w 1, stride_h 2, filter_w 3,
     * filter_h 4, activation 5; AddOptions (11): activation 0.
     */
    static final class Options extends FbTable {
        static final int TYPE_CONV = 1;
        static final int TYPE_DEPTHWISE = 2;
        static final int TYPE_POOL = 5;
        static final int TYPE_FULLY_CONNECTED = 8;
        static final int TYPE_ADD = 11;
    }
}
