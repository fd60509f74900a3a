package org.cxrstudio.ui.training;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.cxrstudio.ui.Messages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The two live charts of a run, redrawn from the view model's epoch list: losses (train,
 * validation) and validation quality (AUC, and mIoU when the labels have boxes), per epoch;
 * one set of lines per student ({@code distilled}, and {@code baseline} when it ran).
 */
final class TrainingCharts extends HBox {
    private final LineChart<Number, Number> lossChart = chart("lossChart", Messages.get("training.lossChart"), false);
    private final LineChart<Number, Number> qualityChart = chart("qualityChart", Messages.get("training.qualityChart"), true);

    TrainingCharts(ObservableList<EpochPoint> epochs) {
        super(8);
        getChildren().addAll(lossChart, qualityChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(qualityChart, Priority.ALWAYS);
        epochs.addListener((ListChangeListener<EpochPoint>) c -> redraw(epochs));
        redraw(epochs);
    }

    private void redraw(ObservableList<EpochPoint> epochs) {
        Map<String, XYChart.Series<Number, Number>> loss = new LinkedHashMap<>();
        Map<String, XYChart.Series<Number, Number>> quality = new LinkedHashMap<>();
        for (EpochPoint p : epochs) {
            String run = EpochPoint.BASELINE.equals(p.run()) || EpochPoint.DISTILLED.equals(p.run())
                    ? Messages.get("chart.run." + p.run()) : p.run();
            add(loss, Messages.format("chart.trainLoss", run), p, EpochPoint::trainLoss);
            add(loss, Messages.format("chart.valLoss", run), p, EpochPoint::valLoss);
            add(quality, Messages.format("chart.auc", run), p, EpochPoint::auc);
            add(quality, Messages.format("chart.miou", run), p, EpochPoint::miou);
        }
        lossChart.getData().setAll(loss.values());
        qualityChart.getData().setAll(quality.values());
    }

    private static void add(Map<String, XYChart.Series<Number, Number>> series, String name, EpochPoint p,
                            Function<EpochPoint, Double> value) {
        Double v = value.apply(p);
        if (v == null || !Double.isFinite(v)) {
            return;
        }
        series.computeIfAbsent(name, n -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(n);
            return s;
        }).getData().add(new XYChart.Data<>(p.epoch(), v));
    }

    private static LineChart<Number, Number> chart(String id, String title, boolean unitRange) {
        NumberAxis x = new NumberAxis();
        x.setLabel(Messages.get("chart.epoch"));
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
