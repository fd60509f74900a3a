package org.cxrstudio.core.gate;

import java.util.Map;
import java.util.Optional;
import org.cxrstudio.core.dicom.Colourfulness;
import org.cxrstudio.core.imaging.Radiograph;

/**
 * Rules on the image itself that need no network: enough pixels, a film-like shape, and no
 * colour (measured by the readers before the conversion to gray). Stateless and thread-safe.
 */
final class ImageRules {
    private ImageRules() { }

    /**
     * A refusal, or empty. Adds {@code "colourfulness"}, {@code "colour_pixel_fraction"} (both 0
     * for gray sources), {@code "short_side_px"} and {@code "aspect_ratio"} to {@code measures}.
     */
    static Optional<GateDecision> check(Radiograph r, GateCard card, Map<String, Double> measures) {
        int shortSide = Math.min(r.columns(), r.rows());
        double aspect = (double) Math.max(r.columns(), r.rows()) / shortSide;
        double colourfulness = number(r.metadata().get(Colourfulness.COLOURFULNESS_KEY));
        double colourFraction = number(r.metadata().get(Colourfulness.COLOUR_FRACTION_KEY));
        measures.put("short_side_px", (double) shortSide);
        measures.put("aspect_ratio", aspect);
        measures.put("colourfulness", colourfulness);
        measures.put("colour_pixel_fraction", colourFraction);
        if (shortSide < card.minShortSide()) {
            return Optional.of(GateDecision.refuse(RefusalReason.TOO_SMALL, GateText.of("small",
                    Integer.toString(r.columns()), Integer.toString(r.rows()), Integer.toString(card.minShortSide())),
                    measures));
        }
        if (colourfulness >= card.colourfulnessLimit() || colourFraction >= card.colourFractionLimit()) {
            return Optional.of(GateDecision.refuse(RefusalReason.COLOUR_IMAGE, GateText.of("colour",
                    colourfulness, card.colourfulnessLimit(), 100 * colourFraction), measures));
        }
        if (aspect > card.maxAspect()) {
            return Optional.of(GateDecision.refuse(RefusalReason.NOT_CHEST_FILM, GateText.of("elongated",
                    Integer.toString(r.columns()), Integer.toString(r.rows()), aspect, card.maxAspect()), measures));
        }
        return Optional.empty();
    }

    private static double number(String s) {
        if (s == null) {
            return 0;
        }
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
