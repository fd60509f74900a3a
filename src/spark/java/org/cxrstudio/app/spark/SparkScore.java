package org.cxrstudio.app.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.cxrstudio.core.gate.InputGate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Spark scoring job's driver: {@code spark-submit --class org.cxrstudio.app.spark.SparkScore
 * cxr-studio-spark.jar --input DIR --out DIR} (or {@code scripts/spark-score}). Prints progress on
 * standard error and a one-line summary on standard output; exit code 0 when every file has a
 * row (bad files are rows with their error), 2 for bad options or an existing output, 1 when the
 * job failed.
 */
@Command(name = "spark-score", mixinStandardHelpOptions = true,
        description = "Score every file under --input on Apache Spark; Parquet and scores.csv under --out.")
public final class SparkScore implements Callable<Integer> {
    static final String DEFAULT_MODEL = "models/student.onnx";
    static final String DEFAULT_GATE = InputGate.DEFAULT_MODEL;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder (or file) to score, recursively: a local path, file:, hdfs: or s3a: URI.")
    String input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where scores.parquet/ and scores.csv go.")
    String out;

    @Option(names = "--model", paramLabel = "M", description = "ONNX model on the driver (default: " + DEFAULT_MODEL + " beside the jar or in the working directory); shipped to the executors with the job.")
    Path model;

    @Option(names = "--gate", paramLabel = "G", description = "Input gate model (default: the -D" + InputGate.MODEL_PROPERTY + " property, else " + DEFAULT_GATE + " found like the model).")
    Path gate;

    @Option(names = "--gate-rules-only", description = "Apply only the gate's DICOM header, size and colour rules, without its content network.")
    boolean rulesOnly;

    @Option(names = "--no-gate", description = "Research use: score every readable file, also ones that are not frontal chest X-rays.")
    boolean noGate;

    @Option(names = "--site", paramLabel = "SITE.json", description = "Use this clinic's operating threshold (made by calibrate-threshold for this model file).")
    Path site;

    @Option(names = "--threshold", paramLabel = "T", description = "Operating threshold (default: the model card's).")
    Double threshold;

    @Option(names = "--ort-threads", paramLabel = "N", defaultValue = "1", description = "ONNX Runtime threads per prediction; one task per executor core each uses this many (0 = ONNX Runtime's default). Default: ${DEFAULT-VALUE}.")
    int ortThreads;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "Tasks to split the files into (default: 4 per executor core).")
    int partitions;

    @Option(names = "--overwrite", description = "Replace scores.parquet and scores.csv if --out already has them.")
    boolean overwrite;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark setting, as spark-submit's --conf (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkScore()).execute(args));
    }

    @Override
    public Integer call() {
        Path m;
        Path g = null;
        try {
            m = model != null ? model : bundled(DEFAULT_MODEL, "");
            if ((noGate ? 1 : 0) + (rulesOnly ? 1 : 0) + (gate != null ? 1 : 0) > 1) {
                throw new IOException("give at most one of --gate, --gate-rules-only and --no-gate");
            }
            if (rulesOnly) {
                System.err.println("input gate: header, size and colour rules only (--gate-rules-only)");
            } else if (noGate) {
                System.err.println("input gate OFF (--no-gate): every readable file is scored, "
                        + "including files that are not frontal chest X-rays (research use only)");
            } else {
                String prop = System.getProperty(InputGate.MODEL_PROPERTY);
                g = gate != null ? gate : prop != null && !prop.isBlank() ? Path.of(prop) : bundled(DEFAULT_GATE, ": the input gate refuses files that are not frontal "
                        + "chest X-rays, so nothing is scored without it; give --gate FILE, or --no-gate for research use");
            }
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        SparkConf sc = new SparkConf().setAppName("cxr-studio spark-score");
        conf.forEach(sc::set);
        if (master != null) {
            sc.setMaster(master);
        } else if (!sc.contains("spark.master")) {
            sc.setMaster("local[*]");
        }
        SparkSession spark = SparkSession.builder().config(sc).getOrCreate();
        try {
            ScoreJob.Summary s = ScoreJob.run(spark, new ScoreJob.Request(input, out, m, g, rulesOnly, site, threshold, ortThreads,
                    partitions, overwrite));
            System.out.printf("%d files: %d scored (%d positive), %d refused, %d errors; %.1f s, %.2f files/s; %s%n",
                    s.files(), s.scored(), s.positive(), s.refused(), s.errors(), s.seconds(), s.filesPerSecond(), out);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("error: the Spark job failed: " + e);
            return 1;
        } finally {
            spark.stop();
            ModelHolder.closeAll();
        }
    }

    /** A bundled model file: beside the jar (its folder, then the parent), then in the working directory. */
    static Path bundled(String relative, String why) throws IOException {
        List<Path> tried = new ArrayList<>();
        try {
            Path jar = Path.of(SparkScore.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            tried.add(jar.resolve(relative));
            if (jar.getParent() != null) {
                tried.add(jar.getParent().resolve(relative));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): only the working directory
        }
        tried.add(Path.of("").toAbsolutePath().resolve(relative));
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p.normalize();
            }
        }
        throw new IOException(relative + " not found (looked in " + tried + ")" + why);
    }
}
