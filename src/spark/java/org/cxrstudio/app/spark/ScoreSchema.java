package org.cxrstudio.app.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cxrstudio.core.saliency.Box;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the Parquet output, one per input file. Exactly one of three shapes: scored
 * ({@code tb_probability}, {@code score}, {@code positive} set), refused by the input gate
 * ({@code refused} true, {@code refusal} the reason), or failed ({@code error} the message).
 * A row depends only on the file and the model, so a retried task writes identical rows.
 * Boxes are in original image pixels.
 */
final class ScoreSchema {
    static final StructType BOX = new StructType(new StructField[] {
        DataTypes.createStructField("x1", DataTypes.DoubleType, false),
        DataTypes.createStructField("y1", DataTypes.DoubleType, false),
        DataTypes.createStructField("x2", DataTypes.DoubleType, false),
        DataTypes.createStructField("y2", DataTypes.DoubleType, false),
        DataTypes.createStructField("score", DataTypes.DoubleType, false),
    });

    static final StructType ROW = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("tb_probability", DataTypes.DoubleType, true),
        DataTypes.createStructField("score", DataTypes.DoubleType, true),
        DataTypes.createStructField("threshold", DataTypes.DoubleType, true),
        DataTypes.createStructField("positive", DataTypes.BooleanType, true),
        DataTypes.createStructField("refused", DataTypes.BooleanType, false),
        DataTypes.createStructField("refusal", DataTypes.StringType, true),
        DataTypes.createStructField("error", DataTypes.StringType, true),
        DataTypes.createStructField("model_sha256", DataTypes.StringType, false),
        DataTypes.createStructField("boxes", DataTypes.createArrayType(BOX, false), false),
    });

    /** The columns of {@code scores.csv}, for people. */
    static final String[] CSV_COLUMNS = {"file", "tb_probability", "positive", "refused", "refusal", "error"};

    private ScoreSchema() { }

    static Row scored(String file, FilmResult r, String modelSha) {
        if (r.isRefused()) {
            return RowFactory.create(file, null, null, r.threshold(), null, true, r.refusal(), null, modelSha, List.of());
        }
        List<Row> boxes = new ArrayList<>();
        for (Box b : r.boxes()) {
            boxes.add(RowFactory.create(b.x1(), b.y1(), b.x2(), b.y2(), b.score()));
        }
        return RowFactory.create(file, r.tbProbability(), r.score(), r.threshold(), r.positive(), false, null, null,
                modelSha, boxes);
    }

    static Row failed(String file, String error, String modelSha) {
        return RowFactory.create(file, null, null, null, null, false, null, error, modelSha, List.of());
    }
}
