package org.cxrstudio.ui.training;

import org.cxrstudio.core.imaging.ImageFiles;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cxrstudio.ui.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The training panel's form: every input as a bindable property with the defaults of
 * {@code core.training.TrainingConfig}, checks before a run, and the remembered settings of the
 * last run (as a string map the app stores in its preferences). Properties only; FX thread.
 */
public final class TrainingForm {
    /** Fewer labelled images than this cannot give a meaningful train/validation split. */
    public static final int MIN_LABELED_IMAGES = 8;
    /** Accepted LSE-LBA r0 range (as {@code core.training.TrainingConfig}). */
    public static final double MIN_R0 = 0.01;
    public static final double MAX_R0 = 100;
    /** Largest accepted box-guidance weight (as {@code core.training.TrainingConfig}). */
    public static final double MAX_BOX_WEIGHT = 100;
    /** The only architecture ImageNet weights exist for. */
    public static final String IMAGENET_ARCH = "mobilenetv2";

    private final ObjectProperty<Path> teacher = new SimpleObjectProperty<>(this, "teacher");
    private final ObjectProperty<Path> images = new SimpleObjectProperty<>(this, "images");
    private final ObjectProperty<Path> labels = new SimpleObjectProperty<>(this, "labels");
    private final ObjectProperty<Path> unlabeled = new SimpleObjectProperty<>(this, "unlabeled");
    private final StringProperty arch = new SimpleStringProperty(this, "arch", "student-s");
    private final IntegerProperty inputSize = new SimpleIntegerProperty(this, "inputSize", 224);
    private final DoubleProperty r0 = new SimpleDoubleProperty(this, "r0", 1);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 10);
    private final IntegerProperty timeBudgetMin = new SimpleIntegerProperty(this, "timeBudgetMin", 0);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 16);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 1e-3);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 2);
    private final DoubleProperty kdAlpha = new SimpleDoubleProperty(this, "kdAlpha", 0.5);
    private final DoubleProperty camWeight = new SimpleDoubleProperty(this, "camWeight", 1);
    private final DoubleProperty boxWeight = new SimpleDoubleProperty(this, "boxWeight", 0);
    private final DoubleProperty aalsA0 = new SimpleDoubleProperty(this, "aalsA0", 2.5);
    private final BooleanProperty fromImageNet = new SimpleBooleanProperty(this, "fromImageNet", false);
    private final ObjectProperty<Path> init = new SimpleObjectProperty<>(this, "init");
    private final BooleanProperty baseline = new SimpleBooleanProperty(this, "baseline", true);
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>(this, "out");
    /** The inputs {@link #toSettings()} remembers, in the order they are written and restored. */
    private final List<Property<?>> remembered = List.of(teacher, images, labels, unlabeled, out, arch, inputSize,
            r0, epochs, timeBudgetMin, batchSize, learningRate, temperature, kdAlpha, camWeight, boxWeight, aalsA0,
            baseline, init, fromImageNet);

    public ObjectProperty<Path> teacherProperty() { return teacher; }
    public ObjectProperty<Path> imagesProperty() { return images; }
    public ObjectProperty<Path> labelsProperty() { return labels; }
    public ObjectProperty<Path> unlabeledProperty() { return unlabeled; }
    public StringProperty archProperty() { return arch; }
    public IntegerProperty inputSizeProperty() { return inputSize; }
    /** LSE-LBA lower bound of the pooling sharpness, {@value #MIN_R0}..{@value #MAX_R0}. */
    public DoubleProperty r0Property() { return r0; }
    public IntegerProperty epochsProperty() { return epochs; }
    /** Minutes; 0 = no limit. */
    public IntegerProperty timeBudgetMinProperty() { return timeBudgetMin; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public DoubleProperty kdAlphaProperty() { return kdAlpha; }
    public DoubleProperty camWeightProperty() { return camWeight; }
    /** Box guidance from the labels CSV's expert boxes, 0 (off) ..{@value #MAX_BOX_WEIGHT}. */
    public DoubleProperty boxWeightProperty() { return boxWeight; }
    /** AALS sharpening of the teacher's pseudo-labels on unlabelled images, at least 1. */
    public DoubleProperty aalsA0Property() { return aalsA0; }
    /** Start the student from the ImageNet weights in {@link #initProperty()} (architecture {@value #IMAGENET_ARCH}). */
    public BooleanProperty fromImageNetProperty() { return fromImageNet; }
    /** MobileNetV2 1.0 TFLite file; used only when {@link #fromImageNetProperty()} is set. */
    public ObjectProperty<Path> initProperty() { return init; }

    /** Whether ImageNet weights fit {@code arch}: {@value #IMAGENET_ARCH} or its cut {@code mobilenetv2-sK}. */
    public static boolean startsFromImageNet(String arch) {
        return arch != null && org.cxrstudio.core.training.nn.MobileNetV2.takesImageNetWeights(arch);
    }

    public BooleanProperty baselineProperty() { return baseline; }
    public ObjectProperty<Path> outProperty() { return out; }

    /** The request the form describes (not checked: see {@link #problems()}). */
    public TrainingRequest toRequest() {
        return new TrainingRequest(teacher.get(), images.get(), labels.get(), unlabeled.get(), arch.get(),
                inputSize.get(), r0.get(), epochs.get(), timeBudgetMin.get(), batchSize.get(), learningRate.get(),
                temperature.get(), kdAlpha.get(), camWeight.get(), boxWeight.get(), aalsA0.get(), fromImageNet.get() ? init.get() : null, baseline.get(),
                out.get(), false);
    }

    /**
     * What stops a run, one sentence each naming the field and the problem; empty when the form
     * can start. Checks files and folders exist and counts the labelled images (one directory
     * listing); the backend checks the CSV rows and the teacher's shape when the run starts.
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        Path t = teacher.get();
        if (t == null) {
            p.add(Messages.get("form.noTeacher"));
        } else if (!Files.isRegularFile(t)) {
            p.add(Messages.format("form.teacherMissing", t));
        }
        if (images.get() == null || labels.get() == null) {
            p.add(Messages.get("form.noImages"));
        } else if (!Files.isDirectory(images.get())) {
            p.add(Messages.format("form.imagesMissing", images.get()));
        } else if (!Files.isRegularFile(labels.get())) {
            p.add(Messages.format("form.labelsMissing", labels.get()));
        } else {
            long n = countImages(images.get());
            if (n < MIN_LABELED_IMAGES) {
                p.add(Messages.format("form.tooFew", images.get(), n, MIN_LABELED_IMAGES));
            }
        }
        if (fromImageNet.get()) {
            if (init.get() == null || !Files.isRegularFile(init.get())) {
                p.add(Messages.get("training.problem.init"));
            }
            if (!startsFromImageNet(arch.get())) {
                p.add(java.text.MessageFormat.format(Messages.get("training.problem.initArch"), IMAGENET_ARCH, arch.get()));
            }
        }
        if (unlabeled.get() != null && !Files.isDirectory(unlabeled.get())) {
            p.add(Messages.format("form.unlabeledMissing", unlabeled.get()));
        }
        if (out.get() == null) {
            p.add(Messages.get("form.noOut"));
        }
        if (inputSize.get() < 32 || inputSize.get() > 1024) {
            p.add(Messages.format("form.size", inputSize.get()));
        }
        if (!(r0.get() >= MIN_R0 && r0.get() <= MAX_R0)) {
            p.add(Messages.format("form.r0", MIN_R0, MAX_R0, r0.get()));
        }
        if (epochs.get() < 1) {
            p.add(Messages.get("form.epochs"));
        }
        if (batchSize.get() < 2) {
            p.add(Messages.get("form.batch"));
        }
        if (timeBudgetMin.get() < 0) {
            p.add(Messages.get("form.budget"));
        }
        if (!(learningRate.get() > 0) || !(temperature.get() > 0)) {
            p.add(Messages.get("form.lr"));
        }
        if (!(kdAlpha.get() >= 0 && kdAlpha.get() <= 1) || !(camWeight.get() >= 0)) {
            p.add(Messages.get("form.alpha"));
        }
        if (!(boxWeight.get() >= 0 && boxWeight.get() <= MAX_BOX_WEIGHT)) {
            p.add(Messages.format("form.boxes", MAX_BOX_WEIGHT, boxWeight.get()));
        }
        if (!(aalsA0.get() >= 1)) {
            p.add(Messages.format("form.aals", aalsA0.get()));
        }
        return p;
    }

    static long countImages(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(ImageFiles::isImageName).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The form as strings, to remember between sessions: each set input under its property name. */
    public Map<String, String> toSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Property<?> p : remembered) {
            if (p.getValue() != null) {
                m.put(p.getName(), p.getValue().toString());
            }
        }
        return m;
    }

    /**
     * Restores {@link #toSettings()}, in the same order; missing or malformed entries (a blank path or
     * architecture, a non-finite number) keep the current value.
     */
    public void applySettings(Map<String, String> m) {
        for (Property<?> p : remembered) {
            String v = m.get(p.getName());
            if (v != null) {
                restore(p, v);
            }
        }
    }

    /** Sets {@code p} from its stored text, parsed by the property's type; whole numbers drop any fraction. */
    @SuppressWarnings("unchecked") // the form's only object properties are paths
    private static void restore(Property<?> p, String v) {
        if (p instanceof BooleanProperty b) {
            b.set(Boolean.parseBoolean(v));
        } else if (p instanceof IntegerProperty i) {
            finite(v).ifPresent(d -> i.set((int) d));
        } else if (p instanceof DoubleProperty d) {
            finite(v).ifPresent(d::set);
        } else if (p instanceof StringProperty s) {
            if (!v.isBlank()) {
                s.set(v);
            }
        } else if (!v.isBlank()) {
            try {
                ((ObjectProperty<Path>) p).set(Path.of(v));
            } catch (InvalidPathException e) {
                // keep the current value
            }
        }
    }

    private static OptionalDouble finite(String v) {
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
