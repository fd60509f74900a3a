package org.cxrstudio.app.spark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

/**
 * The job's two outputs under {@code --out}: {@code scores.parquet/} (every column of
 * {@link ScoreSchema#ROW}, for further analysis) and {@code scores.csv} beside it (one line per
 * file, sorted by file, the columns and format of {@code predict --csv}, written by the driver
 * from the Parquet rows). Existing outputs are replaced only when asked;
 * nothing else in the folder is touched.
 */
final class ScoreOutput {
    static final String PARQUET = "scores.parquet";
    static final String CSV = "scores.csv";

    private final Path out;
    private final FileSystem fs;

    ScoreOutput(String out, Configuration conf) throws IOException {
        Path p = new Path(out);
        this.fs = p.getFileSystem(conf);
        this.out = fs.makeQualified(p);
    }

    Path parquet() {
        return new Path(out, PARQUET);
    }

    Path csv() {
        return new Path(out, CSV);
    }

    /**
     * Refuses to run into earlier results unless {@code overwrite}, then removes them.
     *
     * @throws IOException naming what exists and the option that replaces it
     */
    void prepare(boolean overwrite) throws IOException {
        for (Path p : new Path[] {parquet(), csv()}) {
            if (fs.exists(p)) {
                if (!overwrite) {
                    throw new IOException(p + " already exists: pass --overwrite to replace it, or choose another --out");
                }
                fs.delete(p, true);
            }
        }
    }

    /** Writes the Parquet output (this runs the scoring), then the CSV from it. */
    void write(Dataset<Row> rows) throws IOException {
        rows.write().parquet(parquet().toString());
        writeCsv(rows.sparkSession());
    }

    /** The rows as written, read back. */
    Dataset<Row> read(SparkSession spark) {
        return spark.read().parquet(parquet().toString());
    }

    private void writeCsv(SparkSession spark) throws IOException {
        Dataset<Row> cols = read(spark).selectExpr(ScoreSchema.CSV_COLUMNS).orderBy("file");
        Path tmp = new Path(out, "." + CSV + ".tmp");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(ScoreSchema.CSV_HEADER).setRecordSeparator('\n').get();
        try (Writer w = new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, format)) {
            Iterator<Row> it = cols.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                csv.printRecord(r.getString(0),
                        r.isNullAt(1) ? "" : String.format(Locale.ROOT, "%.5f", r.getDouble(1)),
                        r.isNullAt(2) ? "" : Integer.toString(r.getInt(2)),
                        r.isNullAt(3) ? "" : Boolean.toString(r.getBoolean(3)),
                        r.isNullAt(4) ? "" : r.getString(4),
                        r.isNullAt(5) ? "" : r.getString(5));
            }
        }
        if (!fs.rename(tmp, csv())) {
            throw new IOException("cannot rename " + tmp + " to " + csv());
        }
    }
}
