package org.cxrstudio.core.training;

import org.cxrstudio.core.imaging.CropRegion;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.training.data.Augmentation;
import org.cxrstudio.core.training.data.BoxMask;
import org.cxrstudio.core.training.data.Normalization;
import org.cxrstudio.core.training.data.Sample;
import org.cxrstudio.core.training.data.TensorCache;
import org.cxrstudio.core.training.loss.Aals;
import org.cxrstudio.core.training.loss.Losses;

import java.util.List;
import java.util.Random;

/**
 * Builds one training batch as plain arrays from the tensor cache: augmented, normalised inputs
 * and every loss target with its per-image weight. Augmentation is drawn from a generator seeded
 * with {@code (seed, epoch, batch)}, so any batch can be rebuilt exactly after a resume.
 * Not thread-safe (reuses a scratch plane).
 */
final class BatchAssembler {
    private final List<Sample> samples;
    private final TensorCache cache;
    private final Preprocessing preprocessing;
    private final TeacherTargets teacher;
    private final double temperature;
    private final Aals aals;
    private final boolean augment;
    private final float[] plane;
    private final int boxGridWidth;
    private final int boxGridHeight;

    /**
     * @param samples all samples, indexed like {@code cache} and {@code teacher}
     * @param teacher teacher outputs, or {@code null} for supervised training
     * @param boxGridWidth CAM grid width for box-mask targets, 0 without box guidance
     */
    BatchAssembler(List<Sample> samples, TensorCache cache, Preprocessing preprocessing, TeacherTargets teacher,
                   double temperature, Aals aals, boolean augment, int boxGridWidth, int boxGridHeight) {
        this.samples = samples;
        this.cache = cache;
        this.preprocessing = preprocessing;
        this.teacher = teacher;
        this.temperature = temperature;
        this.aals = aals;
        this.augment = augment;
        this.plane = new float[cache.size() * cache.size()];
        this.boxGridWidth = boxGridWidth;
        this.boxGridHeight = boxGridHeight;
    }

    /**
     * @param x      normalised inputs, {@code n×S×S}
     * @param target label-term targets: 0/1 labels, or AALS pseudo-labels for unlabelled images
     * @param wSup   label-term weights (0 for unlabelled images without a teacher)
     * @param soft   teacher soft targets {@code sigmoid(logit(p)/T)} (distillation only)
     * @param cam    teacher CAMs on the student grid, warped like the input, {@code n×h×w} (distillation only)
     * @param wCam   CAM-transfer weights: the teacher probability (its map matters where it sees TB)
     * @param boxMask expert-box masks on the CAM grid ({@link BoxMask}), warped like the input,
     *                {@code n×h×w} (box guidance only, else {@code null})
     * @param wBox   box-guidance weights: 1 for labelled TB images with boxes, else 0
     */
    record Data(int n, float[] x, float[] target, float[] wSup, float[] soft, float[] cam, float[] wCam,
                float[] boxMask, float[] wBox) { }

    Data build(int[] globalIndices, long seed, int epoch, int batch) {
        int n = globalIndices.length;
        int s = cache.size();
        Random rnd = new Random(seed * 1_000_003L + epoch * 10_007L + batch);
        float[] x = new float[n * s * s];
        float[] target = new float[n];
        float[] wSup = new float[n];
        float[] soft = teacher == null ? null : new float[n];
        int cell = teacher == null ? 0 : teacher.camWidth() * teacher.camHeight();
        float[] cam = teacher == null ? null : new float[n * cell];
        float[] wCam = teacher == null ? null : new float[n];
        int boxCells = boxGridWidth * boxGridHeight;
        float[] boxMask = boxCells == 0 ? null : new float[n * boxCells];
        float[] wBox = boxCells == 0 ? null : new float[n];
        for (int j = 0; j < n; j++) {
            int g = globalIndices[j];
            Sample sample = samples.get(g);
            Augmentation aug = augment ? Augmentation.random(rnd) : Augmentation.NONE;
            cache.read(g, plane);
            float[] img = aug.applyToImage(plane, s);
            Normalization.apply(img, preprocessing);
            System.arraycopy(img, 0, x, j * s * s, s * s);
            if (sample.labeled()) {
                target[j] = sample.positive() ? 1 : 0;
                wSup[j] = 1;
                if (boxMask != null && sample.positive() && !sample.boxes().isEmpty()) {
                    CropRegion region = preprocessing.cropRegion(cache.originalWidth(g), cache.originalHeight(g));
                    float[] mask = aug.warp(BoxMask.onGrid(sample.boxes(), region, boxGridWidth, boxGridHeight),
                            boxGridWidth, boxGridHeight);
                    System.arraycopy(mask, 0, boxMask, j * boxCells, boxCells);
                    wBox[j] = 1;
                }
            }
            if (teacher != null) {
                float p = teacher.probability()[g];
                if (!sample.labeled()) {
                    target[j] = (float) aals.target(p);
                    wSup[j] = 1;
                }
                soft[j] = Losses.softTarget(p, temperature);
                float[] warped = aug.warp(teacher.cams()[g], teacher.camWidth(), teacher.camHeight());
                System.arraycopy(warped, 0, cam, j * cell, cell);
                wCam[j] = p;
            }
        }
        return new Data(n, x, target, wSup, soft, cam, wCam, boxMask, wBox);
    }
}
