package org.cxrstudio.app.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.cxrstudio.app.cli.CxrCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Spark job in local[2] on real films from {@code ../shared/data} plus bad files: one row per
 * file, the same scores as {@code predict} on the same files, bad files as error rows, photos as
 * refused rows (with the real gate model), Parquet readable back, and no silent overwrite.
 */
@Tag("spark")
class SparkScoreTest {
    private static final Path PROJECT = Path.of(System.getProperty("cxr.project.dir", "."));
    private static final Path DATA = Path.of(System.getProperty("cxr.shared.data", "../shared/data"));
    private static final Path MODEL = PROJECT.resolve("models/student.onnx");
    /** The gate model when bundled; else both sides apply the gate's rules only. */
    private static final Path GATE = PROJECT.resolve("models/gate.onnx");
    private static final boolean GATE_MODEL = Files.isRegularFile(GATE);
    /** Two colour photographs and a gray checkerboard from {@code not-cxr}. */
    private static final List<String> PHOTOS = List.of("photo02_cat_720p.jpg", "photo05_dog_segmentation.jpg",
            "photo03_checker224X224.png");

    @TempDir
    static Path tmp;
    static Path input;
    static Path out;
    static List<Path> films = new ArrayList<>();
    static List<Path> photos = new ArrayList<>();
    static SparkSession spark;
    static ScoreJob.Summary first;

    @BeforeAll
    static void scoreOnce() throws IOException {
        assumeTrue(Files.isDirectory(DATA.resolve("tbx11k-tb/images")) && Files.isDirectory(DATA.resolve("nih-cxr14/images")),
                "shared data absent (" + DATA + "): skipping the Spark end-to-end test");
        assumeTrue(Files.isRegularFile(MODEL), "models/student.onnx absent");
        input = Files.createDirectories(tmp.resolve("archive"));
        Path sub = Files.createDirectories(input.resolve("site-a/2026"));
        copyFirst(DATA.resolve("tbx11k-tb/images"), 3, input, films);
        copyFirst(DATA.resolve("nih-cxr14/images"), 3, sub, films);
        Path dicom = DATA.resolve("dicom/original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm");
        if (Files.isRegularFile(dicom)) {
            films.add(Files.copy(dicom, sub.resolve("siim.dcm")));
        }
        // Spark's own file sources skip these names; the archive must not
        films.add(Files.copy(films.get(0), sub.resolve(".hidden.png")));
        films.add(Files.copy(films.get(1), input.resolve("_underscore.png")));
        for (String photo : PHOTOS) {
            Path p = DATA.resolve("not-cxr/images").resolve(photo);
            if (Files.isRegularFile(p)) {
                photos.add(Files.copy(p, sub.resolve(photo)));
            }
        }
        Files.write(input.resolve("empty.dcm"), new byte[0]);
        byte[] real = Files.readAllBytes(Files.isRegularFile(dicom) ? dicom : films.get(0));
        Files.write(sub.resolve("truncated.dcm"), Arrays.copyOf(real, 1500));
        Files.writeString(input.resolve("notes.txt"), "not an image\n");
        Files.write(input.resolve("huge.png"), pngHeader(20000, 20000));
        out = tmp.resolve("out");
        spark = SparkSession.builder().master("local[2]").appName("SparkScoreTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        first = ScoreJob.run(spark, request(false));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        ModelHolder.closeAll();
    }

    static ScoreJob.Request request(boolean overwrite) {
        return new ScoreJob.Request(input.toString(), out.toString(), MODEL, GATE_MODEL ? GATE : null, !GATE_MODEL, null,
                null, 1, 0, overwrite);
    }

    @Test
    void everyFileIsOneRowAndFilmsScoreAsPredictDoes() throws IOException {
        Map<String, Row> rows = byName(ScoreJob.written(spark, out));
        long onDisk;
        try (Stream<Path> s = Files.walk(input)) {
            onDisk = s.filter(Files::isRegularFile).count();
        }
        assertThat(rows).hasSize((int) onDisk);
        assertThat(first.files()).isEqualTo(onDisk);
        assertThat(first.errors()).isEqualTo(4);

        List<Path> scoredOrRefused = new ArrayList<>(films);
        scoredOrRefused.addAll(photos);
        Map<String, JsonObject> predicted = predict(scoredOrRefused);
        assertThat(predicted).hasSize(scoredOrRefused.size());
        for (Path f : scoredOrRefused) {
            String name = f.getFileName().toString();
            Row r = rows.get(name);
            JsonObject p = predicted.get(name);
            assertThat(r.<String>getAs("error")).as(name).isNull();
            assertThat(r.<Boolean>getAs("refused")).as(name).isEqualTo(p.has("refused"));
            if (p.has("refused")) {
                assertThat(r.<String>getAs("refusal")).isEqualTo(p.get("refused").getAsString());
                assertThat(r.isNullAt(r.fieldIndex("tb_probability"))).isTrue();
                continue;
            }
            assertThat(r.<Double>getAs("tb_probability")).as(name).isCloseTo(p.get("tb_probability").getAsDouble(), within(1e-5));
            assertThat(r.<Boolean>getAs("positive")).as(name).isEqualTo(p.get("positive").getAsBoolean());
            assertThat(r.<Integer>getAs("score")).as(name).isEqualTo(p.get("score").getAsInt());
            assertThat(r.getList(r.fieldIndex("boxes"))).as(name).hasSize(p.getAsJsonArray("boxes").size());
        }
        assertThat(rows.get("empty.dcm").<String>getAs("error")).contains("empty file");
        assertThat(rows.get("truncated.dcm").<String>getAs("error")).contains("truncated.dcm");
        assertThat(rows.get("notes.txt").<String>getAs("error")).contains("not a DICOM, PNG or JPEG");
        assertThat(rows.get("huge.png").<String>getAs("error")).contains("exceeds the limit");
        for (Path film : films) {
            assertThat(rows.get(film.getFileName().toString()).<Boolean>getAs("refused")).as(film.toString()).isFalse();
        }
        for (String colour : List.of("photo02_cat_720p.jpg", "photo05_dog_segmentation.jpg")) {
            if (rows.containsKey(colour)) { // the gate's rules refuse these, with or without its content network
                assertThat(rows.get(colour).<Boolean>getAs("refused")).as(colour).isTrue();
                assertThat(rows.get(colour).<String>getAs("refusal_reason")).isNotBlank();
            }
        }
        long refusedByPredict = predicted.values().stream().filter(j -> j.has("refused")).count();
        assertThat(first.refused()).isEqualTo(refusedByPredict);
    }

    @Test
    void parquetHasTheSchemaAndCsvOneLinePerFile() throws IOException {
        StructType schema = ScoreJob.written(spark, out).schema();
        assertThat(schema.fieldNames()).contains("file", "tb_probability", "score", "positive", "refused", "error",
                "model_sha256", "boxes");
        StructType box = (StructType) ((ArrayType) schema.apply("boxes").dataType()).elementType();
        assertThat(box.fieldNames()).containsExactly("x1", "y1", "x2", "y2", "score");
        List<CSVRecord> csv;
        try (Reader r = Files.newBufferedReader(out.resolve("scores.csv"))) {
            csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertThat(csv).hasSize((int) first.files());
        CSVRecord empty = csv.stream().filter(c -> c.get("file").endsWith("/empty.dcm")).findFirst().orElseThrow();
        assertThat(empty.get("tb_probability")).isEmpty();
        assertThat(empty.get("error")).contains("empty file");
    }

    @Test
    void rerunRefusesWithoutOverwriteAndGivesIdenticalRowsWithIt() throws IOException {
        byte[] csvBefore = Files.readAllBytes(out.resolve("scores.csv"));
        List<Row> before = ScoreJob.written(spark, out).orderBy("file").collectAsList();
        assertThatThrownBy(() -> ScoreJob.run(spark, request(false)))
                .isInstanceOf(IOException.class).hasMessageContaining("already exists").hasMessageContaining("--overwrite");
        assertThat(Files.readAllBytes(out.resolve("scores.csv"))).isEqualTo(csvBefore);

        ScoreJob.run(spark, request(true));
        assertThat(ScoreJob.written(spark, out).orderBy("file").collectAsList()).isEqualTo(before);
        assertThat(Files.readAllBytes(out.resolve("scores.csv"))).isEqualTo(csvBefore);
    }

    @Test
    void outputInsideTheInputIsRefused() {
        ScoreJob.Request r = new ScoreJob.Request(input.toString(), input.resolve("results").toString(), MODEL, null, false,
                null, null, 1, 0, false);
        assertThatThrownBy(() -> ScoreJob.run(spark, r)).hasMessageContaining("inside --input");
        assertThat(input.resolve("results")).doesNotExist();
    }

    private static Map<String, Row> byName(org.apache.spark.sql.Dataset<Row> ds) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : ds.collectAsList()) {
            String f = r.getAs("file");
            m.put(f.substring(f.lastIndexOf('/') + 1), r);
        }
        return m;
    }

    /** {@code predict} on the same files, through the real command line. */
    private static Map<String, JsonObject> predict(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("predict", "--model", MODEL.toString()));
        if (GATE_MODEL) {
            args.addAll(List.of("--gate", GATE.toString()));
        } else {
            args.add("--gate-rules-only");
        }
        files.forEach(f -> args.add(f.toString()));
        StringWriter o = new StringWriter();
        CommandLine cl = CxrCommand.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute(args.toArray(String[]::new))).isZero();
        Map<String, JsonObject> m = new HashMap<>();
        for (String line : o.toString().split("\n")) {
            if (!line.isBlank()) {
                JsonObject j = JsonParser.parseString(line).getAsJsonObject();
                m.put(Path.of(j.get("file").getAsString()).getFileName().toString(), j);
            }
        }
        return m;
    }

    private static void copyFirst(Path dir, int n, Path to, List<Path> into) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().limit(n).toList()) {
                into.add(Files.copy(p, to.resolve(p.getFileName())));
            }
        }
    }

    /** A PNG whose header declares {@code w x h} pixels, with no image data. */
    private static byte[] pngHeader(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13);
        int crcStart = b.position();
        b.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(w).putInt(h).put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(b.array(), crcStart, 17);
        b.putInt((int) crc.getValue());
        b.putInt(0).put(new byte[] {'I', 'E', 'N', 'D'});
        crc.reset();
        crc.update(new byte[] {'I', 'E', 'N', 'D'});
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
