package org.cxrstudio.ui.viewer;

/**
 * One state of the view transform: {@code screen = image * scale + offset}.
 *
 * @param scale   screen pixels per image pixel
 * @param offsetX screen x of image x = 0, screen pixels
 * @param offsetY screen y of image y = 0, screen pixels
 */
public record ViewTransform(double scale, double offsetX, double offsetY) {
    /** The transform before any image is fitted: one image pixel per screen pixel, no offset. */
    public static final ViewTransform IDENTITY = new ViewTransform(1, 0, 0);
}
