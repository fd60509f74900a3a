package org.cxrstudio.ui.viewer;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

import java.nio.IntBuffer;

/**
 * The image pane: draws the open radiograph through the {@link ViewportModel} transform and
 * turns mouse gestures into view-model calls. Wheel zooms around the cursor, left-drag pans,
 * right-drag (or left-drag with Ctrl) changes window/level, double-click fits.
 *
 * <p>Rendering: the window/level LUT ({@link DisplayLut}) maps stored values into an
 * {@code int[]} that backs a {@link PixelBuffer}, so a window change is one table build, one
 * array pass and one texture upload, with no new image allocated.
 * Overlay layers are added in image coordinates ({@link #worldLayer()}) or in screen
 * coordinates kept registered by listening to the viewport ({@link #screenLayer()}).
 */
public class ImageCanvas extends Region {
    private final ImageViewModel display;
    private final ViewportModel viewport;
    private final ImageView base = new ImageView();
    private final Group world = new Group(base);
    private final Pane screen = new Pane();
    private final Affine toScreen = new Affine();
    private int[] argb = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private double lastX;
    private double lastY;
    private long lastRenderNanos;
    private boolean dirty;
    private boolean renderQueued;

    public ImageCanvas(ImageViewModel display, ViewportModel viewport) {
        this.display = display;
        this.viewport = viewport;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("image-canvas");
        world.getTransforms().add(toScreen);
        // unmanaged: overlay and transform changes must not request a relayout of the pane (two
        // compare panes share one viewport, and relayouts would make them re-report their sizes)
        world.setManaged(false);
        screen.setManaged(false);
        screen.setMouseTransparent(true);
        screen.setPickOnBounds(false);
        getChildren().addAll(world, screen);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(100, 100);
    }

    private void initListeners() {
        viewport.transformProperty().addListener((o, a, b) -> updateTransform());
        display.imageProperty().addListener((o, a, img) -> allocate(img));
        display.windowProperty().addListener((o, a, b) -> requestRender());
        display.invertProperty().addListener((o, a, b) -> requestRender());
        display.voiLutProperty().addListener((o, a, b) -> requestRender());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && dirty) {
                render();
            }
        });
        if (display.image() != null) {
            allocate(display.image());
        }
        updateTransform();

        setOnScroll(this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
            requestFocus();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> display.pointAt(viewport.toImageX(e.getX()), viewport.toImageY(e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> display.pointAt(-1, -1));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                viewport.fit();
            }
        });
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            viewport.zoomAt(Math.pow(1.1, e.getDeltaY() / 40.0), e.getX(), e.getY());
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (e.getButton() == MouseButton.SECONDARY || (e.getButton() == MouseButton.PRIMARY && e.isControlDown())) {
            display.dragWindow(dx, dy);
        } else if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            viewport.pan(dx, dy);
        }
        display.pointAt(viewport.toImageX(e.getX()), viewport.toImageY(e.getY()));
        e.consume();
    }

    private void updateTransform() {
        ViewTransform t = viewport.transformProperty().get();
        toScreen.setToTransform(t.scale(), 0, t.offsetX(), 0, t.scale(), t.offsetY());
        base.setSmooth(t.scale() < 2);
    }

    private void allocate(OpenedImage img) {
        if (img == null) {
            base.setImage(null);
            return;
        }
        argb = new int[img.width() * img.height()];
        buffer = new PixelBuffer<>(img.width(), img.height(), IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance());
        base.setImage(new WritableImage(buffer));
        render();
    }

    /**
     * Coalesces window changes: a drag delivers several events per frame, and each render is a
     * full pixel pass, so only the last state queued on the FX thread is rendered.
     */
    private void requestRender() {
        if (!renderQueued) {
            renderQueued = true;
            javafx.application.Platform.runLater(() -> {
                renderQueued = false;
                render();
            });
        }
    }

    /**
     * Re-applies the current window/invert to the pixel buffer; deferred while the canvas is not
     * in a scene (the single view while compare mode is on), so hidden canvases cost nothing.
     */
    private void render() {
        if (getScene() == null) {
            dirty = true;
            return;
        }
        dirty = false;
        OpenedImage img = display.image();
        if (img == null || display.window() == null || buffer == null || argb.length != img.image().pixels().length) {
            return;
        }
        long t0 = System.nanoTime();
        DisplayLut lut = DisplayLut.build(img.image(), img.range(), display.window(), display.invertProperty().get(),
                display.voiLutProperty().get());
        lut.apply(img.image().pixels(), argb);
        buffer.updateBuffer(b -> null);
        lastRenderNanos = System.nanoTime() - t0;
    }

    /** Nodes here are drawn in image-pixel coordinates under the view transform (e.g. heatmap). */
    public Group worldLayer() {
        return world;
    }

    /** Nodes here are in screen pixels (labels, box outlines of constant width). */
    public Pane screenLayer() {
        return screen;
    }

    /** ARGB of the displayed (windowed) image at an image pixel, for tests and export. */
    public int displayedArgb(int x, int y) {
        OpenedImage img = display.image();
        return img == null ? 0 : argb[y * img.width() + x];
    }

    /** Time of the last LUT build + pixel pass + buffer update, nanoseconds. */
    public long lastRenderNanos() {
        return lastRenderNanos;
    }

    /** Screen point of an image point. */
    public Point2D toScreen(double ix, double iy) {
        return new Point2D(viewport.toScreenX(ix), viewport.toScreenY(iy));
    }

    @Override
    protected void layoutChildren() {
        // the canvas in the scene reports its size; a canvas swapped out (single vs compare) stops
        viewport.setViewSize(getWidth(), getHeight());
        screen.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** The base image node (for tests). */
    Node baseImage() {
        return base;
    }
}
