package org.cxrstudio.core.imaging;

/**
 * The rectangle of an image that a model sees, in image pixels: columns {@code x .. x+width-1},
 * rows {@code y .. y+height-1}. A model's CAM grid covers exactly this rectangle.
 */
public record CropRegion(int x, int y, int width, int height) {
    public CropRegion {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("crop region " + x + "," + y + " " + width + "x" + height);
        }
    }

    /**
     * A centred region without {@code fraction} of each side on both ends: the margin is
     * {@code round(fraction × side)} pixels, and at least one pixel always remains.
     *
     * @param fraction {@code 0 <= fraction < 0.5}
     */
    public static CropRegion of(int width, int height, double fraction) {
        if (!(fraction >= 0 && fraction < 0.5)) {
            throw new IllegalArgumentException("crop fraction must be 0..0.5, got " + fraction);
        }
        int mx = Math.min((width - 1) / 2, (int) Math.round(fraction * width));
        int my = Math.min((height - 1) / 2, (int) Math.round(fraction * height));
        return new CropRegion(mx, my, width - 2 * mx, height - 2 * my);
    }

    /** Whether this region is the whole {@code width × height} image. */
    public boolean isWhole(int imageWidth, int imageHeight) {
        return x == 0 && y == 0 && width == imageWidth && height == imageHeight;
    }

    /** The region's pixels of {@code image} as a new image (or {@code image} itself when whole). */
    public GrayImage apply(GrayImage image) {
        if (isWhole(image.width(), image.height())) {
            return image;
        }
        if (x + width > image.width() || y + height > image.height()) {
            throw new IllegalArgumentException("crop region " + this + " outside image " + image.width() + "x" + image.height());
        }
        byte[] out = new byte[width * height];
        for (int r = 0; r < height; r++) {
            System.arraycopy(image.gray(), (y + r) * image.width() + x, out, r * width, width);
        }
        return new GrayImage(width, height, out);
    }
}
