package org.cxrstudio.ui.training;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.cxrstudio.ui.Messages;

/**
 * The two live charts of a run, redrawn from the view model's epoch list: losses (train,
 * validation) and validation quality (AUC, and mIoU when the labels have boxes), per epoch.
 */
final class TrainingCharts extends HBox {
    private final XYChart.Series<Number, Number> trainLoss = series("train loss");
    private final XYChart.Series<Number, Number> valLoss = series("validation loss");
    private final XYChart.Series<Number, Number> auc = series("AUC");
    private final XYChart.Series<Number, Number> miou = series("mIoU");
    private final LineChart<Number, Number> lossChart = chart("lossChart", Messages.get("training.lossChart"), false);
    private final LineChart<Number, Number> qualityChart = chart("qualityChart", Messages.get("training.qualityChart"), true);

    TrainingCharts(ObservableList<EpochPoint> epochs) {
        super(8);
        lossChart.getData().addAll(java.util.List.of(trainLoss, valLoss));
        qualityChart.getData().addAll(java.util.List.of(auc, miou));
        getChildren().addAll(lossChart, qualityChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(qualityChart, Priority.ALWAYS);
        epochs.addListener((ListChangeListener<EpochPoint>) c -> redraw(epochs));
        redraw(epochs);
    }

    private void redraw(ObservableList<EpochPoint> epochs) {
        trainLoss.getData().clear();
        valLoss.getData().clear();
        auc.getData().clear();
        miou.getData().clear();
        for (EpochPoint p : epochs) {
            trainLoss.getData().add(new XYChart.Data<>(p.epoch(), p.trainLoss()));
            valLoss.getData().add(new XYChart.Data<>(p.epoch(), p.valLoss()));
            if (p.auc() != null) {
                auc.getData().add(new XYChart.Data<>(p.epoch(), p.auc()));
            }
            if (p.miou() != null) {
                miou.getData().add(new XYChart.Data<>(p.epoch(), p.miou()));
            }
        }
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private static LineChart<Number, Number> chart(String id, String title, boolean unitRange) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(false);
        NumberAxis y = unitRange ? new NumberAxis(0, 1, 0.1) : new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(true);
        c.setPrefSize(420, 260);
        c.setMinHeight(200);
        return c;
    }
}
