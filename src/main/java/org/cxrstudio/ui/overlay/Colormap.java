package org.cxrstudio.ui.overlay;

/**
 * Heatmap colour tables: raw saliency {@code 0..1} → premultiplied-free ARGB, with alpha rising
 * with the value so that low saliency leaves the radiograph visible (the overall opacity is a
 * separate slider). Pure; tables are built once.
 */
public enum Colormap {
    /** Blue → cyan → yellow → red: the classic CAM look. */
    JET,
    /** Black → purple → orange → yellow; perceptually uniform-ish and colour-blind friendlier. */
    INFERNO,
    /** Black → red → yellow → white. */
    HOT;

    private int[] table;

    /** ARGB for a value in {@code 0..1} (clamped). */
    public int argb(double v) {
        int[] t = table();
        int i = (int) Math.round(Math.max(0, Math.min(1, Double.isNaN(v) ? 0 : v)) * 255);
        return t[i];
    }

    /** Opaque RGB (alpha 255) for a value, for the legend. */
    public int rgb(double v) {
        return argb(v) | 0xFF000000;
    }

    private synchronized int[] table() {
        if (table == null) {
            int[] t = new int[256];
            for (int i = 0; i < 256; i++) {
                double v = i / 255.0;
                double[] c = colour(v);
                int a = (int) Math.round(255 * Math.min(1, Math.max(0, (v - 0.1) / 0.5)));
                t[i] = (a << 24) | (to8(c[0]) << 16) | (to8(c[1]) << 8) | to8(c[2]);
            }
            table = t;
        }
        return table;
    }

    private double[] colour(double v) {
        return switch (this) {
            case JET -> new double[] {clamp(1.5 - Math.abs(4 * v - 3)), clamp(1.5 - Math.abs(4 * v - 2)), clamp(1.5 - Math.abs(4 * v - 1))};
            case HOT -> new double[] {clamp(3 * v), clamp(3 * v - 1), clamp(3 * v - 2)};
            case INFERNO -> inferno(v);
        };
    }

    private static final double[][] INFERNO_STOPS = {
            {0.001, 0.000, 0.014}, {0.258, 0.039, 0.406}, {0.578, 0.148, 0.404},
            {0.865, 0.317, 0.226}, {0.988, 0.645, 0.040}, {0.988, 0.998, 0.645}};

    private static double[] inferno(double v) {
        double p = v * (INFERNO_STOPS.length - 1);
        int i = Math.min(INFERNO_STOPS.length - 2, (int) p);
        double f = p - i;
        double[] a = INFERNO_STOPS[i];
        double[] b = INFERNO_STOPS[i + 1];
        return new double[] {a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])};
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static int to8(double x) {
        return (int) Math.round(clamp(x) * 255);
    }

    @Override
    public String toString() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
