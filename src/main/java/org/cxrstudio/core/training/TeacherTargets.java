package org.cxrstudio.core.training;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.data.Grids;
import org.cxrstudio.core.training.data.Normalization;
import org.cxrstudio.core.training.data.TensorCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The teacher's outputs for every image, computed once on un-augmented images at the teacher's
 * own input size and normalisation (so a 512 px teacher can teach a 224 px student), with the CAM
 * resized to the student's CAM grid. During training the CAM is warped with the same
 * augmentation as the student's input, so the pair stays aligned; the probability is treated as
 * invariant to the small augmentations. Computing the teacher once instead of every epoch makes
 * distillation nearly as cheap as supervised training on a CPU. Saved in the output folder
 * (keyed by the teacher's SHA-256) so a resumed run does not recompute it.
 *
 * @param probability teacher probability per image
 * @param cams        per image, {@code camWidth×camHeight} on the student grid, logit units
 * @param nativeCams  per image, the teacher's own CAM grid ({@code nativeWidth×nativeHeight}), for
 *                    judging the teacher's localisation
 */
record TeacherTargets(float[] probability, float[][] cams, int camWidth, int camHeight, float[][] nativeCams,
                      int nativeWidth, int nativeHeight, String teacherSha) {
    private static final Logger LOG = LoggerFactory.getLogger(TeacherTargets.class);
    static final String FILE = "teacher-targets.bin";

    /**
     * Loads {@code out/teacher-targets.bin} when it matches, else runs the teacher over {@code cache}
     * (made with the teacher's own size and crop). The CAM is moved from the teacher's crop to the
     * student's ({@link Grids#recrop}); targets for a cropping student are kept in their own file.
     *
     * @param studentCropFraction the student's {@code Preprocessing#cropFraction()}
     */
    static TeacherTargets obtain(TeacherModel teacher, TensorCache cache, int studentCamW, int studentCamH,
                                 double studentCropFraction, Path outDir, int batch, ProgressListener progress,
                                 CancellationToken cancel) throws IOException {
        Path file = outDir.resolve(studentCropFraction == 0 ? FILE : "teacher-targets-crop" + studentCropFraction + ".bin");
        double teacherCropFraction = teacher.preprocessing().cropFraction();
        if (Files.isRegularFile(file)) {
            TeacherTargets t = read(file);
            if (t != null && t.teacherSha.equals(teacher.sha256()) && t.probability.length == cache.count()
                    && t.camWidth == studentCamW && t.camHeight == studentCamH) {
                LOG.info("reusing teacher outputs from {}", file);
                return t;
            }
        }
        int n = cache.count();
        int s = cache.size();
        float[] prob = new float[n];
        float[][] cams = new float[n][];
        float[][] natives = new float[n][];
        int[] nativeWh = new int[2];
        float[] plane = new float[s * s];
        for (int first = 0; first < n; first += batch) {
            cancel.throwIfCancelled();
            int k = Math.min(batch, n - first);
            float[] x = new float[k * s * s];
            for (int j = 0; j < k; j++) {
                cache.read(first + j, plane);
                Normalization.apply(plane, teacher.preprocessing());
                System.arraycopy(plane, 0, x, j * s * s, s * s);
            }
            TeacherModel.Outputs o = teacher.run(x, k);
            int cell = o.camWidth() * o.camHeight();
            nativeWh[0] = o.camWidth();
            nativeWh[1] = o.camHeight();
            for (int j = 0; j < k; j++) {
                prob[first + j] = o.probability()[j];
                float[] cam = new float[cell];
                System.arraycopy(o.cam(), j * cell, cam, 0, cell);
                natives[first + j] = cam;
                cams[first + j] = Grids.recrop(cam, o.camWidth(), o.camHeight(), teacherCropFraction, studentCamW,
                        studentCamH, studentCropFraction);
            }
            progress.progress(first + k, n, "teacher outputs " + (first + k) + "/" + n);
        }
        TeacherTargets t = new TeacherTargets(prob, cams, studentCamW, studentCamH, natives, nativeWh[0], nativeWh[1],
                teacher.sha256());
        t.write(file);
        return t;
    }

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(teacherSha);
            out.writeInt(probability.length);
            out.writeInt(camWidth);
            out.writeInt(camHeight);
            out.writeInt(nativeWidth);
            out.writeInt(nativeHeight);
            for (int i = 0; i < probability.length; i++) {
                out.writeFloat(probability[i]);
                for (float v : cams[i]) {
                    out.writeFloat(v);
                }
                for (float v : nativeCams[i]) {
                    out.writeFloat(v);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static TeacherTargets read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String sha = in.readUTF();
            int n = in.readInt();
            int w = in.readInt();
            int h = in.readInt();
            int nw = in.readInt();
            int nh = in.readInt();
            float[] prob = new float[n];
            float[][] cams = new float[n][w * h];
            float[][] natives = new float[n][nw * nh];
            for (int i = 0; i < n; i++) {
                prob[i] = in.readFloat();
                for (int k = 0; k < w * h; k++) {
                    cams[i][k] = in.readFloat();
                }
                for (int k = 0; k < nw * nh; k++) {
                    natives[i][k] = in.readFloat();
                }
            }
            return new TeacherTargets(prob, cams, w, h, natives, nw, nh, sha);
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
            return null;
        }
    }
}
