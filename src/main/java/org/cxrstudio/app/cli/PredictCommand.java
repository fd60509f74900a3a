package org.cxrstudio.app.cli;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.saliency.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code predict FILE|DIR...}: one JSON line per image on stdout
 * ({@code file, tb_probability, positive, threshold, boxes [[x1,y1,x2,y2,score]...] in original
 * image pixels, model, device, ms}); {@code --json} writes them as an array, {@code --overlay}
 * writes PNG overlays. A file that cannot be read gets one error line and the rest continue
 * (exit code 1 at the end).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Run the TB model on images (DICOM, PNG, JPEG) or folders of them.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Images or folders (searched recursively).")
    List<Path> inputs;

    @Option(names = "--model", paramLabel = "M", description = "ONNX model (default: models/student.onnx beside the app or in the working directory).")
    Path model;

    @Option(names = "--json", paramLabel = "OUT", description = "Write all results as a JSON array.")
    Path json;

    @Option(names = "--overlay", paramLabel = "DIR", description = "Write <image>.overlay.png with heatmap and boxes.")
    Path overlay;

    @Option(names = "--device", paramLabel = "auto|cpu|cuda", defaultValue = "auto", description = "Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threshold", paramLabel = "T", description = "Operating threshold (default: the model card's).")
    Double threshold;

    @Mixin
    BoxOptions boxOptions;

    @Override
    public Integer call() throws IOException {
        DevicePreference pref = DevicePreference.parse(device);
        List<Path> files = ImageFiles.expand(inputs);
        Path modelPath = ModelPaths.resolve(model, ModelPaths.STUDENT);
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        try (TbModel m = TbModel.load(modelPath, pref)) {
            PostProcessing post = m.postProcessing().withThreshold(threshold);
            post = post.withBoxes(boxOptions.apply(post.boxes()));
            spec.commandLine().getErr().println("model " + modelPath + " on " + m.device() + " (" + m.deviceReason() + ")");
            spec.commandLine().getErr().println(boxOptions.describe(post.boxes(), m.card()));
            for (Path f : files) {
                try {
                    Radiograph r = RadiographReader.read(f);
                    Prediction p = m.predict(r, post);
                    Map<String, Object> row = row(f, p, modelPath);
                    results.add(row);
                    spec.commandLine().getOut().println(JsonOut.LINE.toJson(row));
                    if (overlay != null) {
                        OverlayWriter.write(DisplayPipeline.render(r, null, false), p,
                                overlay.resolve(f.getFileName() + ".overlay.png"));
                    }
                } catch (IOException | RuntimeException e) {
                    failed++;
                    spec.commandLine().getErr().println("error: " + CliErrors.describe(e));
                }
            }
        }
        if (json != null) {
            JsonOut.write(json, results);
        }
        return failed == 0 ? 0 : 1;
    }

    static Map<String, Object> row(Path file, Prediction p, Path model) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", file.toString());
        row.put("tb_probability", JsonOut.round(p.tbProbability(), 5));
        row.put("positive", p.positive());
        row.put("threshold", p.threshold());
        List<double[]> boxes = new ArrayList<>();
        for (Box b : p.boxes()) {
            boxes.add(new double[] {JsonOut.round(b.x1(), 1), JsonOut.round(b.y1(), 1), JsonOut.round(b.x2(), 1),
                    JsonOut.round(b.y2(), 1), JsonOut.round(b.score(), 3)});
        }
        row.put("boxes", boxes);
        row.put("model", model.toString());
        row.put("device", p.device());
        row.put("ms", JsonOut.round(p.millis(), 2));
        return row;
    }
}
