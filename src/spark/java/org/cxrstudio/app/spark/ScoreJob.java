package org.cxrstudio.app.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.inference.ModelFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Scores every file under an input folder on a Spark cluster: lists the files on the driver,
 * ships the model with the job, scores partitions of files on the executors
 * ({@link PartitionScorer}), writes {@link ScoreOutput}, and checks that every listed file has
 * its row. Runs on the driver; one job at a time per {@link SparkSession}.
 */
final class ScoreJob {
    /** What the job did. {@code rows == files} always holds after a successful run. */
    record Summary(long files, long rows, long scored, long positive, long refused, long errors, int partitions,
                   double seconds) {
        double filesPerSecond() {
            return seconds > 0 ? files / seconds : 0;
        }
    }

    /**
     * @param gate       the input gate model, or {@code null} for none
     * @param gateRulesOnly without a gate model: the gate's header, size and colour rules; else every
     *                   readable file is scored (research use)
     * @param site       a site profile made for {@code model}, or {@code null}
     * @param partitions tasks to split the files into; {@code 0} for four per executor core
     */
    record Request(String input, String out, Path model, Path gate, boolean gateRulesOnly, Path site, Double threshold,
                   int intraOpThreads, int partitions, boolean overwrite) { }

    private ScoreJob() { }

    static Summary run(SparkSession spark, Request req) throws IOException {
        long t0 = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        ScoreOutput output = new ScoreOutput(req.out(), conf);
        refuseOutInsideInput(req, conf, output);
        List<String> files = ArchiveFiles.list(req.input(), conf);
        if (files.isEmpty()) {
            throw new IOException(req.input() + ": no files to score");
        }
        JobConfig config = ship(jsc, req);
        output.prepare(req.overwrite());
        int parts = req.partitions() > 0 ? req.partitions() : 4 * jsc.defaultParallelism();
        parts = Math.max(1, Math.min(parts, files.size()));
        try (ProgressPrinter progress = ProgressPrinter.attach(spark, files.size(), parts)) {
            JavaRDD<Row> rows = jsc.parallelize(files, parts).mapPartitions(new PartitionScorer(config, new HadoopConf(conf)));
            output.write(spark.createDataFrame(rows, ScoreSchema.ROW));
        }
        Row c = output.read(spark).agg(count("*"),
                sum(when(col("tb_probability").isNotNull(), 1).otherwise(0)),
                sum(when(col("positive"), 1).otherwise(0)),
                sum(when(col("refused"), 1).otherwise(0)),
                sum(when(col("error").isNotNull(), 1).otherwise(0))).first();
        Summary s = new Summary(files.size(), c.getLong(0), c.isNullAt(1) ? 0 : c.getLong(1), c.isNullAt(2) ? 0 : c.getLong(2),
                c.isNullAt(3) ? 0 : c.getLong(3), c.isNullAt(4) ? 0 : c.getLong(4), parts, (System.nanoTime() - t0) / 1e9);
        if (s.rows() != s.files()) {
            throw new IOException(output.parquet() + ": " + s.rows() + " rows for " + s.files() + " listed files");
        }
        return s;
    }

    /** The rows a run wrote under {@code out}. */
    static Dataset<Row> written(SparkSession spark, java.nio.file.Path out) throws IOException {
        return new ScoreOutput(out.toString(), spark.sparkContext().hadoopConfiguration()).read(spark);
    }

    /** Adds the models (and their cards beside them) to the job's files and says how tasks find them. */
    private static JobConfig ship(JavaSparkContext jsc, Request req) throws IOException {
        Path model = req.model().toAbsolutePath();
        Double threshold = req.threshold();
        if (req.site() != null) {
            if (threshold != null) {
                throw new IllegalArgumentException("give either --site or --threshold, not both");
            }
            SiteProfile site = SiteProfile.read(req.site());
            site.requireModel(ModelFiles.sha256(model), model.toString());
            threshold = site.threshold();
        }
        JobConfig.ShippedFile tb = ship(jsc, model, "model");
        JobConfig.ShippedFile gate = null;
        if (req.gate() != null) {
            gate = ship(jsc, req.gate().toAbsolutePath(), "gate model");
            if (gate.name().equals(tb.name())) {
                throw new IllegalArgumentException("the model and the gate model are both named " + tb.name()
                        + ": job files need distinct names");
            }
        }
        return new JobConfig(tb, gate, req.gateRulesOnly(), threshold, req.intraOpThreads());
    }

    private static JobConfig.ShippedFile ship(JavaSparkContext jsc, Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": " + what + " not found");
        }
        jsc.addFile(file.toUri().toString());
        Path card = ModelFiles.sidecar(file);
        if (Files.isRegularFile(card)) {
            jsc.addFile(card.toUri().toString());
        }
        return new JobConfig.ShippedFile(file.getFileName().toString(), ModelFiles.sha256(file));
    }

    private static void refuseOutInsideInput(Request req, Configuration conf, ScoreOutput output) throws IOException {
        org.apache.hadoop.fs.Path in = new org.apache.hadoop.fs.Path(req.input());
        String inside = in.getFileSystem(conf).makeQualified(in).toString();
        String out = output.parquet().getParent().toString();
        if (out.equals(inside) || out.startsWith(inside.endsWith("/") ? inside : inside + "/")) {
            throw new IOException("--out " + req.out() + " is inside --input " + req.input()
                    + ": the results would be scored as films on the next run");
        }
    }
}
