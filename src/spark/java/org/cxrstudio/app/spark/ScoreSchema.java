package org.cxrstudio.app.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.screening.ScreeningResult;
import org.cxrstudio.core.screening.TbScore;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the Parquet output, one per input file, in one of three shapes: scored
 * ({@code tb_probability}, {@code score}, {@code positive} set), refused by the input gate
 * ({@code refused} true, {@code refusal} the gate's message), or failed ({@code error} the
 * message). The values are {@code predict}'s: {@code tb_probability} is the calibrated probability
 * when the model card has a calibration ({@code raw_probability} the network's), {@code score} is
 * 0-100, {@code threshold} is on the raw probability. A row depends only on the file and the
 * models, so a retried task writes identical rows. Boxes are in original image pixels.
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
        DataTypes.createStructField("raw_probability", DataTypes.DoubleType, true),
        DataTypes.createStructField("score", DataTypes.IntegerType, true),
        DataTypes.createStructField("threshold", DataTypes.DoubleType, true),
        DataTypes.createStructField("positive", DataTypes.BooleanType, true),
        DataTypes.createStructField("refused", DataTypes.BooleanType, false),
        DataTypes.createStructField("refusal", DataTypes.StringType, true),
        DataTypes.createStructField("refusal_reason", DataTypes.StringType, true),
        DataTypes.createStructField("error", DataTypes.StringType, true),
        DataTypes.createStructField("model_sha256", DataTypes.StringType, false),
        DataTypes.createStructField("boxes", DataTypes.createArrayType(BOX, false), false),
    });

    /** {@code scores.csv}: its header, as {@code predict --csv} writes it ... */
    static final String[] CSV_HEADER = {"file", "tb_probability", "score", "positive", "refused", "error"};
    /** ... and the Parquet columns that fill it ({@code refused} holds the gate's message). */
    static final String[] CSV_COLUMNS = {"file", "tb_probability", "score", "positive", "refusal", "error"};

    private ScoreSchema() { }

    static Row of(String file, ScreeningResult r, String modelSha) {
        if (r.isError()) {
            return failed(file, r.error(), modelSha);
        }
        if (r.refused()) {
            String reason = r.gate().reason().map(Enum::name).orElse(null);
            return RowFactory.create(file, null, null, null, null, null, true, r.refusalMessage(), reason, null, modelSha,
                    seq(List.of()));
        }
        Prediction p = r.prediction();
        TbScore s = r.score();
        List<Row> boxes = new ArrayList<>();
        for (Box b : p.boxes()) {
            boxes.add(RowFactory.create(b.x1(), b.y1(), b.x2(), b.y2(), b.score()));
        }
        return RowFactory.create(file, s.probability(), s.rawProbability(), s.score(), s.threshold(), s.positive(), false,
                null, null, null, modelSha, seq(boxes));
    }

    static Row failed(String file, String error, String modelSha) {
        return RowFactory.create(file, null, null, null, null, null, false, null, null, error, modelSha, seq(List.of()));
    }

    /** Array columns of external rows are Scala sequences. */
    private static scala.collection.immutable.Seq<Row> seq(List<Row> rows) {
        return CollectionConverters.asScala(rows).toSeq();
    }
}
