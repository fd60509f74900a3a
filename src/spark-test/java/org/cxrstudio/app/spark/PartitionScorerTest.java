package org.cxrstudio.app.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One file's failure is that file's row, whatever is thrown; no Spark context needed. */
@Tag("spark")
class PartitionScorerTest {
    private final PartitionScorer scorer = new PartitionScorer(
            new JobConfig(new JobConfig.ShippedFile("m.onnx", "ab"), null, false, null, 1), new HadoopConf(new Configuration()));

    @TempDir
    Path dir;

    @Test
    void anOutOfMemoryErrorWhileScoringIsThatFilesErrorRow() throws IOException {
        String uri = png().toUri().toString();
        Row r = scorer.scoreOne((name, radiograph) -> {
            throw new OutOfMemoryError("Java heap space");
        }, uri);
        assertThat((String) col(r, "error")).startsWith(uri).contains("out of memory").contains("Java heap space");
        assertThat(col(r, "refused")).isEqualTo(false);
        assertThat(col(r, "tb_probability") == null).isTrue();
        assertThat(col(r, "model_sha256")).isEqualTo("ab");
    }

    @Test
    void aStackOverflowAndARuntimeExceptionAreErrorRowsToo() throws IOException {
        String uri = png().toUri().toString();
        Row so = scorer.scoreOne((name, radiograph) -> {
            throw new StackOverflowError();
        }, uri);
        assertThat((String) col(so, "error")).contains("stack overflow");
        Row npe = scorer.scoreOne((name, radiograph) -> {
            throw new IllegalStateException("codec bug");
        }, uri);
        assertThat((String) col(npe, "error")).isEqualTo(uri + ": codec bug");
    }

    @Test
    void aFileGoneSinceTheListingIsAnErrorRow() {
        String uri = dir.resolve("gone.dcm").toUri().toString();
        Row r = scorer.scoreOne((name, radiograph) -> {
            throw new AssertionError("must not be scored");
        }, uri);
        assertThat((String) col(r, "error")).contains("gone.dcm").contains("no such file");
    }

    /** Rows built on the executors carry no schema: look the column up in {@link ScoreSchema#ROW}. */
    private static Object col(Row r, String name) {
        return r.get(ScoreSchema.ROW.fieldIndex(name));
    }

    private Path png() throws IOException {
        Path p = dir.resolve("film.png");
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(10, 10, 0, 200);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
