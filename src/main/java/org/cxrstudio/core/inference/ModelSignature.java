package org.cxrstudio.core.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The checked shape of a TB model: one float input {@code N×1×S×S} with {@code S} the card's
 * input size, a probability output {@code N×C} and a CAM output {@code N×C×h×w} named as in the
 * card. A model that does not fit gets a {@link ModelLoadException} naming the file, the tensor
 * and the shapes, instead of failing later inside a prediction.
 *
 * @param input          input tensor name
 * @param dynamicBatch   the batch dimension is symbolic, so batches of several images are allowed
 * @param inputSize      S, pixels
 * @param probability    probability output name
 * @param cam            CAM output name
 */
record ModelSignature(String input, boolean dynamicBatch, int inputSize, String probability, String cam) {

    static ModelSignature check(Path file, OrtSession session, ModelCard card) throws ModelLoadException {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new ModelLoadException(file + ": expected one input (N×1×S×S), found " + inputs.size() + ": " + inputs.keySet());
            }
            NodeInfo in = inputs.values().iterator().next();
            int s = card.preprocessing().inputSize();
            long[] shape = tensorShape(file, in);
            if (!(in.getInfo() instanceof TensorInfo ti) || ti.type != OnnxJavaType.FLOAT || shape.length != 4
                    || !fits(shape[1], 1) || !fits(shape[2], s) || !fits(shape[3], s)) {
                throw new ModelLoadException(file + ": input '" + in.getName() + "' is " + describe(in)
                        + ", expected float N×1×" + s + "×" + s + " (card input size " + s + ")");
            }
            String prob = orDefault(card.probabilityOutput(), ModelCard.DEFAULT_PROBABILITY_OUTPUT);
            String cam = orDefault(card.camOutput(), ModelCard.DEFAULT_CAM_OUTPUT);
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            requireOutput(file, outputs, prob, 2);
            requireOutput(file, outputs, cam, 4);
            return new ModelSignature(in.getName(), shape[0] < 0, s, prob, cam);
        } catch (OrtException e) {
            throw new ModelLoadException(file + ": cannot read model inputs/outputs (" + e.getMessage() + ")", e);
        }
    }

    private static void requireOutput(Path file, Map<String, NodeInfo> outputs, String name, int rank)
            throws ModelLoadException {
        NodeInfo n = outputs.get(name);
        if (n == null) {
            throw new ModelLoadException(file + ": no output named '" + name + "' (model outputs: " + outputs.keySet()
                    + "); not a CXR Studio TB model?");
        }
        long[] shape = tensorShape(file, n);
        if (shape.length != rank || ((TensorInfo) n.getInfo()).type != OnnxJavaType.FLOAT) {
            throw new ModelLoadException(file + ": output '" + name + "' is " + describe(n) + ", expected a float tensor of rank " + rank);
        }
    }

    private static long[] tensorShape(Path file, NodeInfo n) throws ModelLoadException {
        if (!(n.getInfo() instanceof TensorInfo ti)) {
            throw new ModelLoadException(file + ": '" + n.getName() + "' is not a tensor (" + n.getInfo() + ")");
        }
        return ti.getShape();
    }

    private static boolean fits(long dim, int expected) {
        return dim < 0 || dim == expected;
    }

    private static String describe(NodeInfo n) {
        return n.getInfo() instanceof TensorInfo ti ? ti.type + " " + Arrays.toString(ti.getShape()) : String.valueOf(n.getInfo());
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }
}
