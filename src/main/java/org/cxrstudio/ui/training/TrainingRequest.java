package org.cxrstudio.ui.training;

import java.nio.file.Path;

/**
 * One run as the panel's form describes it; the backend turns it into a
 * {@code core.training.TrainingConfig}.
 *
 * @param teacher          teacher ONNX checkpoint (required: the panel distils)
 * @param images           folder of labelled images, or {@code null}
 * @param labels           labels CSV for {@code images} ({@code filename,label[,x1,y1,x2,y2]...}), or {@code null}
 * @param unlabeled        folder of unlabelled images (teacher pseudo-labels), or {@code null}
 * @param arch             student preset, e.g. {@code student-s}
 * @param inputSize        student input side, pixels (32..1024)
 * @param r0               LSE-LBA lower bound of the pooling sharpness r = r0 + exp(β), 0.01..100
 * @param epochs           epochs to reach
 * @param timeBudgetMin    wall-clock limit in minutes, {@code 0} = none
 * @param batchSize        images per step (at least 2)
 * @param learningRate     AdamW peak learning rate
 * @param temperature      distillation temperature T
 * @param kdAlpha          weight of the distillation term, 0..1 (labels get 1 − α)
 * @param camWeight        weight β of the CAM-transfer term
 * @param boxWeight        weight of box guidance from the labels CSV's expert boxes, 0..100 (0 = off)
 * @param aalsA0           AALS sharpening a0 of the pseudo-labels on {@code unlabeled} images, at least 1
 * @param init             ImageNet MobileNetV2 TFLite weights the student starts from (needs arch
 *                         {@code mobilenetv2}), or {@code null} for a random start
 * @param baseline         also train a labels-only student and compare
 * @param out              output folder
 * @param resume           continue the interrupted run in {@code out}
 */
public record TrainingRequest(Path teacher, Path images, Path labels, Path unlabeled, String arch, int inputSize,
                              double r0, int epochs, int timeBudgetMin, int batchSize, double learningRate,
                              double temperature, double kdAlpha, double camWeight, double boxWeight, double aalsA0, Path init,
                              boolean baseline, Path out, boolean resume) {

    /** The same request continuing the run in {@link #out()}. */
    public TrainingRequest resuming() {
        return new TrainingRequest(teacher, images, labels, unlabeled, arch, inputSize, r0, epochs, timeBudgetMin,
                batchSize, learningRate, temperature, kdAlpha, camWeight, boxWeight, aalsA0, init, baseline, out, true);
    }

    /** The same request writing into another folder. */
    public TrainingRequest withOut(Path other) {
        return new TrainingRequest(teacher, images, labels, unlabeled, arch, inputSize, r0, epochs, timeBudgetMin,
                batchSize, learningRate, temperature, kdAlpha, camWeight, boxWeight, aalsA0, init, baseline, other, resume);
    }
}
