package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.CropRegion;
import org.cxrstudio.core.saliency.Box;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expert boxes as covered shares of CAM cells, against hand-computed grids. */
class BoxMaskTest {
    private static final CropRegion WHOLE = new CropRegion(0, 0, 100, 100);

    @Test
    void aBoxFillingOneCellFillsOnlyThatCell() {
        float[] m = BoxMask.onGrid(List.of(new Box(25, 50, 50, 75, 1)), WHOLE, 4, 4); // cells of 25 px
        float[] expected = new float[16];
        expected[2 * 4 + 1] = 1;
        assertThat(m).containsExactly(expected);
    }

    @Test
    void partialCoverIsTheCoveredShare() {
        // half the width of cell (0,0); then a quarter of its area
        float[] m = BoxMask.onGrid(List.of(new Box(0, 0, 12.5, 25, 1)), WHOLE, 4, 4);
        assertThat(m[0]).isEqualTo(0.5f);
        float[] q = BoxMask.onGrid(List.of(new Box(0, 0, 12.5, 12.5, 1)), WHOLE, 4, 4);
        assertThat(q[0]).isEqualTo(0.25f);
        assertThat(q[1]).isZero();
        assertThat(q[4]).isZero();
    }

    @Test
    void overlappingBoxesCountTheirUnionOnce() {
        Box a = new Box(0, 0, 25, 25, 1);
        float[] one = BoxMask.onGrid(List.of(a), WHOLE, 4, 4);
        float[] twice = BoxMask.onGrid(List.of(a, new Box(0, 0, 25, 25, 0.5)), WHOLE, 4, 4);
        assertThat(twice).containsExactly(one);
        // two boxes covering 3/4 of the cell each, overlapping in its middle half: the union is the whole cell
        float[] halves = BoxMask.onGrid(List.of(new Box(0, 0, 18.75, 25, 1), new Box(6.25, 0, 25, 25, 1)), WHOLE, 4, 4);
        assertThat(halves[0]).isEqualTo(1f);
    }

    @Test
    void theGridSpansTheCropRegionNotTheWholeImage() {
        CropRegion region = new CropRegion(10, 20, 80, 60); // cells of 40 x 30 px on a 2x2 grid
        float[] m = BoxMask.onGrid(List.of(new Box(50, 50, 90, 80, 1)), region, 2, 2);
        assertThat(m).containsExactly(0, 0, 0, 1);
        float[] outside = BoxMask.onGrid(List.of(new Box(0, 0, 10, 20, 1)), region, 2, 2);
        assertThat(outside).containsOnly(0f);
    }

    @Test
    void noBoxesGiveAnEmptyMaskAndAnEmptyGridIsRefused() {
        assertThat(BoxMask.onGrid(List.of(), WHOLE, 3, 2)).hasSize(6).containsOnly(0f);
        assertThatThrownBy(() -> BoxMask.onGrid(List.of(), WHOLE, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
