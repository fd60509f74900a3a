package org.cxrstudio.core.gate;

import org.cxrstudio.core.io.Sha256;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.Radiograph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an input is a frontal chest radiograph that the TB model may score, and says
 * why not. Rules in order, the first that fails refuses: DICOM header (modality, view, body
 * part), image size, colour, shape, blank image, screenshot ({@link ScreenRule}), content check ({@code gate.onnx}: distance of
 * pretrained features to a bank of chest films), orientation ({@link ContentRules}). Anything that fails while judging refuses;
 * the gate never accepts by default.
 *
 * <pre>{@code
 * try (InputGate gate = InputGate.loadDefault()) {
 *     GateDecision d = gate.check(radiograph);
 *     if (!d.accepted()) { show("Not a frontal chest X-ray: " + d.message()); }
 * }
 * }</pre>
 *
 * <p>Measures in decisions: {@code short_side_px} (pixels), {@code aspect_ratio} (long/short
 * side), {@code colourfulness} (Hasler–Süsstrunk, 8-bit scale), {@code colour_pixel_fraction}
 * ({@code 0..1}), {@code gray_std} (standard deviation of the resized rendering, 0..255 scale),
 * {@code flat_light_rows}, {@code flat_light_columns} ({@code 0..1}, {@link ScreenRule}),
 * {@code knn_cosine_distance} ({@code 0..2}), {@code distance_limit}, {@code orientation_margin}
 * (distance as given minus the smallest distance of a rotated/flipped/inverted version; positive
 * when a turned version looks more like a chest film) and {@code crop_distance} (distance to a
 * bank of crops of chest films; a whole film is closer to whole films).
 *
 * <p>Thread-safe after loading; holds one ONNX Runtime session, released by {@link #close}.
 */
public final class InputGate implements AutoCloseable {
    /** The bundled gate, relative to the application folder or the working directory. */
    public static final String DEFAULT_MODEL = "models/gate.onnx";
    /** System property that names a gate model to use instead of the bundled one. */
    public static final String MODEL_PROPERTY = "cxrstudio.gate";
    /** Below this standard deviation (of 255) the rendered image is taken as blank. */
    static final double BLANK_STD = 2.0;

    private static final Logger LOG = LoggerFactory.getLogger(InputGate.class);

    private final boolean enabled;
    private final GateCard card;
    private final ContentCheck content;

    private InputGate(boolean enabled, GateCard card, ContentCheck content) {
        this.enabled = enabled;
        this.card = card;
        this.content = content;
    }

    /**
     * Loads a gate model and the {@code .card.json} beside it; checks the model's SHA-256 against
     * the card and its input/output signature.
     *
     * @throws GateLoadException if either file is missing, corrupt or inconsistent
     */
    public static InputGate load(Path gateModel) throws GateLoadException {
        return load(gateModel, 0);
    }

    /**
     * As {@link #load(Path)} with a fixed number of ONNX Runtime intra-op threads per check:
     * {@code 1} for callers that already run one check per core (several Spark tasks in one
     * executor), {@code 0} for the default (up to 2).
     */
    public static InputGate load(Path gateModel, int intraOpThreads) throws GateLoadException {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, got " + intraOpThreads);
        }
        if (!Files.isRegularFile(gateModel)) {
            throw new GateLoadException(gateModel + ": gate model not found (build it with: cxr-studio build-gate "
                    + "--out " + DEFAULT_MODEL + ")");
        }
        GateCard card = GateCard.read(GateCard.sidecarOf(gateModel));
        String sha = sha256(gateModel);
        if (!card.modelSha256().isEmpty() && !card.modelSha256().equalsIgnoreCase(sha)) {
            throw new GateLoadException(gateModel + ": SHA-256 " + sha + " does not match its card ("
                    + card.modelSha256() + "): the model file is corrupt or belongs to another card");
        }
        ContentCheck content = intraOpThreads == 0 ? ContentCheck.open(gateModel, card.inputSize())
                : ContentCheck.open(gateModel, card.inputSize(), intraOpThreads);
        LOG.info("input gate {} loaded from {} (k={}, bank={}, limit={})", card.version(), gateModel, card.k(),
                card.bankSize(), card.distanceLimit());
        return new InputGate(true, card, content);
    }

    /**
     * The bundled gate: {@value #MODEL_PROPERTY} if set, else {@value #DEFAULT_MODEL} beside the
     * application (its folder, then the parent) or in the working directory.
     *
     * @throws GateLoadException if none is found or it does not load; callers must then refuse to
     *                           score rather than score unchecked
     */
    public static InputGate loadDefault() throws GateLoadException {
        String prop = System.getProperty(MODEL_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return load(Path.of(prop));
        }
        List<Path> tried = candidates();
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return load(p);
            }
        }
        throw new GateLoadException("input gate " + DEFAULT_MODEL + " not found (looked in " + tried
                + "): without it no image is scored; build it with: cxr-studio build-gate --out " + DEFAULT_MODEL);
    }

    /** Header, size, colour, shape, blank-image and screenshot rules only; no content network. */
    public static InputGate headerRulesOnly() {
        return new InputGate(true, GateCard.headerRules(), null);
    }

    /** No checks at all ({@code --no-gate}): every input is accepted with the message "gate off". */
    public static InputGate disabled() {
        return new InputGate(false, GateCard.headerRules(), null);
    }

    /** Judges one input; never throws for bad content (that is a refusal). */
    public GateDecision check(Radiograph radiograph) {
        if (!enabled) {
            return GateDecision.accept(GateText.of("accept.off"), Map.of());
        }
        Map<String, Double> measures = new LinkedHashMap<>();
        Optional<GateDecision> refusal = HeaderRules.check(radiograph, measures)
                .or(() -> ImageRules.check(radiograph, card, measures));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            return checkContent(radiograph, measures);
        } catch (Exception e) { // any failure while judging refuses; never score unchecked
            LOG.warn("gate content check failed: {}", e.toString());
            return GateDecision.refuse(RefusalReason.UNREADABLE_CONTENT,
                    GateText.of("unchecked", e.getMessage()), measures);
        }
    }

    /**
     * The content checks alone (blank image, screenshot, feature distance, orientation, crop), ignoring
     * the header, size, colour and shape rules: for diagnostics and for measuring how the content
     * check does on inputs those rules would catch first. Not for deciding whether to score.
     */
    public GateDecision checkContentOnly(Radiograph radiograph) {
        if (!enabled) {
            return GateDecision.accept(GateText.of("accept.off"), Map.of());
        }
        Map<String, Double> measures = new LinkedHashMap<>();
        try {
            return checkContent(radiograph, measures);
        } catch (Exception e) {
            return GateDecision.refuse(RefusalReason.UNREADABLE_CONTENT,
                    GateText.of("unchecked", e.getMessage()), measures);
        }
    }

    private GateDecision checkContent(Radiograph r, Map<String, Double> measures) throws Exception {
        GrayImage gray = DisplayPipeline.render(r, null, false);
        int size = content == null ? 224 : content.size();
        float[] plane = ModelInput.resize(gray, size);
        double std = std(plane);
        measures.put("gray_std", std);
        if (std < BLANK_STD) {
            return GateDecision.refuse(RefusalReason.UNREADABLE_CONTENT, GateText.of("blank"), measures);
        }
        Optional<GateDecision> screen = ScreenRule.check(r, gray, measures);
        if (screen.isPresent()) {
            return screen.get();
        }
        if (content == null) {
            return GateDecision.accept(GateText.of("accept.headerOnly"), measures);
        }
        ContentCheck.Distances all = content.distances(ContentRules.variants(plane, size));
        double[] d = all.film();
        measures.put("knn_cosine_distance", d[0]);
        measures.put("distance_limit", card.distanceLimit());
        if (!(d[0] <= card.distanceLimit())) { // NaN refuses too
            return GateDecision.refuse(RefusalReason.NOT_CHEST_FILM,
                    GateText.of("distance", d[0], card.distanceLimit()), measures);
        }
        int best = 1;
        for (int i = 2; i < d.length; i++) {
            best = d[i] < d[best] ? i : best;
        }
        double margin = d[0] - d[best];
        measures.put("orientation_margin", margin);
        if (!Double.isNaN(card.orientationMargin()) && !(margin <= card.orientationMargin())) {
            GateText how = GateText.of(switch (ContentRules.VARIANTS[best - 1]) {
                case "rotated_90", "rotated_270" -> "turn.side";
                case "inverted" -> "turn.inverted";
                default -> "turn.upsideDown";
            });
            return GateDecision.refuse(RefusalReason.NOT_CHEST_FILM, GateText.of("orientation", how, d[0], d[best]),
                    measures);
        }
        double crop = all.crop()[0];
        if (!Double.isNaN(crop) && !Double.isNaN(card.cropMargin())) {
            measures.put("crop_distance", crop);
            if (!(d[0] - crop <= card.cropMargin())) {
                return GateDecision.refuse(RefusalReason.NOT_CHEST_FILM,
                        GateText.of("crop", d[0], crop), measures);
            }
        }
        return GateDecision.accept(measures);
    }

    /** Version, thresholds and measured rates. */
    public GateCard card() {
        return card;
    }

    @Override
    public void close() {
        if (content != null) {
            content.close();
        }
    }

    static double std(float[] v) {
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += (double) x * x;
        }
        double m = s / v.length;
        return Math.sqrt(Math.max(0, s2 / v.length - m * m));
    }

    static String sha256(Path file) throws GateLoadException {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new GateLoadException(file + ": cannot read the gate model (" + e.getMessage() + ")", e);
        }
    }

    /** Where {@link #DEFAULT_MODEL} is looked for, in order. */
    static List<Path> candidates() {
        Set<Path> out = new LinkedHashSet<>();
        try {
            Path code = Path.of(InputGate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path app = code.getParent();
            if (app != null) {
                out.add(app.resolve(DEFAULT_MODEL).normalize());
                if (app.getParent() != null) {
                    out.add(app.getParent().resolve(DEFAULT_MODEL).normalize());
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            LOG.debug("no application folder: {}", e.toString());
        }
        out.add(Path.of("").toAbsolutePath().resolve(DEFAULT_MODEL).normalize());
        return new ArrayList<>(out);
    }
}
