package org.cxrstudio.core.pretrained;

/**
 * One operator of subgraph 0, in execution order.
 *
 * @param builtinCode TFLite {@code BuiltinOperator} value (see the constants), resolved from
 *                    {@code builtin_code} and the older {@code deprecated_builtin_code}
 * @param inputs      tensor indices; -1 marks an omitted optional input
 * @param outputs     tensor indices
 * @param options     the decoded options of conv, depthwise, pool, add and fully-connected ops;
 *                    {@link TfliteOptions#NONE} for others
 */
public record TfliteOperator(int index, int builtinCode, String customCode, int[] inputs, int[] outputs,
                             TfliteOptions options) {
    public static final int ADD = 0;
    public static final int AVERAGE_POOL_2D = 1;
    public static final int CONV_2D = 3;
    public static final int DEPTHWISE_CONV_2D = 4;
    public static final int DEQUANTIZE = 6;
    public static final int FULLY_CONNECTED = 9;
    public static final int RESHAPE = 22;
    public static final int SOFTMAX = 25;
    public static final int MEAN = 40;
    public static final int SQUEEZE = 43;
    public static final int QUANTIZE = 114;

    @Override
    public String toString() {
        return "op " + index + " (builtin " + builtinCode + ")";
    }
}
