package org.cxrstudio.ui.viewer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ViewportModelTest {

    private static ViewportModel view(double w, double h) {
        ViewportModel v = new ViewportModel();
        v.setViewSize(w, h);
        return v;
    }

    @Test
    void fitCentresTheWholeImage() {
        ViewportModel v = view(800, 600);
        v.setImageSize(2000, 1000);
        assertThat(v.scale()).isCloseTo(0.4, within(1e-9));
        assertThat(v.toScreenX(0)).isCloseTo(0, within(1e-9));
        assertThat(v.toScreenY(0)).isCloseTo(100, within(1e-9));
        assertThat(v.toScreenY(1000)).isCloseTo(500, within(1e-9));
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        ViewportModel v = view(800, 600);
        v.setImageSize(1000, 1000);
        double ix = v.toImageX(123);
        double iy = v.toImageY(456);
        v.zoomAt(3, 123, 456);
        assertThat(v.toImageX(123)).isCloseTo(ix, within(1e-9));
        assertThat(v.toImageY(456)).isCloseTo(iy, within(1e-9));
        assertThat(v.scale()).isCloseTo(0.6 * 3, within(1e-9));
    }

    @Test
    void oneToOneAndClampedZoom() {
        ViewportModel v = view(800, 600);
        v.setImageSize(4000, 4000);
        v.oneToOne();
        assertThat(v.scale()).isEqualTo(1.0);
        v.zoomAt(1e6, 0, 0);
        assertThat(v.scale()).isEqualTo(ViewportModel.MAX_SCALE);
        v.zoomAt(1e-9, 0, 0);
        assertThat(v.scale()).isEqualTo(ViewportModel.MIN_SCALE);
    }

    @Test
    void panMovesAndStopsAutoFitOnResize() {
        ViewportModel v = view(800, 600);
        v.setImageSize(100, 100);
        double s = v.scale();
        v.setViewSize(400, 600);
        assertThat(v.scale()).isLessThan(s); // still auto-fitting
        double x0 = v.toScreenX(0);
        v.pan(10, -5);
        assertThat(v.toScreenX(0)).isCloseTo(x0 + 10, within(1e-9));
        double s2 = v.scale();
        v.setViewSize(1000, 600);
        assertThat(v.scale()).isEqualTo(s2);
        assertThat(v.isAutoFit()).isFalse();
    }
}
