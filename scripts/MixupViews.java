import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mixup views of the training films, for distillation by function matching (docs/models.md, "Mixup
 * views"): for every training image of a split, one 512×512 grey PNG λ·a + (1−λ)·b, b a training image
 * drawn at random, λ uniform in [0.3, 0.7]. Given to {@code distill --unlabeled}, the teacher labels
 * each view once; validation images are never used.
 *
 * <pre>java scripts/MixupViews.java SPLIT.csv DATA_DIR OUT_DIR SEED</pre>
 * SPLIT.csv: a run's split.csv (filename,split,label,source,dataset); DATA_DIR holds DATASET/images/.
 */
public final class MixupViews {
    private static final int SIZE = 512;

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: java scripts/MixupViews.java SPLIT.csv DATA_DIR OUT_DIR SEED");
            System.exit(2);
        }
        Path data = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<Path> train = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length >= 5 && f[1].equals("train")) {
                train.add(data.resolve(f[4]).resolve("images").resolve(f[0]));
            }
        }
        if (train.isEmpty()) {
            throw new IOException("no training images listed in " + args[0]);
        }
        Files.createDirectories(out);
        Random rnd = new Random(Long.parseLong(args[3]));
        for (int k = 0; k < train.size(); k++) {
            Path partner = train.get(rnd.nextInt(train.size()));
            double lambda = 0.3 + 0.4 * rnd.nextDouble();
            BufferedImage mix = mix(read(train.get(k)), read(partner), lambda);
            ImageIO.write(mix, "png", out.resolve(String.format("mix%04d.png", k)).toFile());
        }
        System.out.println("wrote " + train.size() + " mixup views to " + out);
    }

    private static BufferedImage read(Path p) throws IOException {
        BufferedImage img = ImageIO.read(p.toFile());
        if (img == null) {
            throw new IOException("not an image: " + p);
        }
        return img;
    }

    /** λ·a + (1−λ)·b on the grey values, both sampled (nearest) onto a SIZE×SIZE grid. */
    private static BufferedImage mix(BufferedImage a, BufferedImage b, double lambda) {
        BufferedImage m = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster ra = a.getRaster();
        WritableRaster rb = b.getRaster();
        WritableRaster rm = m.getRaster();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int va = ra.getSample(x * a.getWidth() / SIZE, y * a.getHeight() / SIZE, 0);
                int vb = rb.getSample(x * b.getWidth() / SIZE, y * b.getHeight() / SIZE, 0);
                rm.setSample(x, y, 0, (int) Math.round(lambda * va + (1 - lambda) * vb));
            }
        }
        return m;
    }
}
