package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shape inference through a chain of square-window blocks, against sizes worked out by hand. */
class ChainTest {

    @Test
    void outputShapesFollowEachBlockInTurn() {
        List<SquareWindow> blocks = List.of(new MaxPool(3, 2, 1), new MaxPool(2, 2, 0), new SameConv(16, 3, 2, 1, true));
        Shape[] in = {new Shape(2, 8, 33, 32)};
        // (33 + 2 - 3) / 2 + 1 = 17, (32 + 2 - 3) / 2 + 1 = 16; then (17 - 2) / 2 + 1 = 8, 8; then ceil(8 / 2) = 4
        assertThat(Chain.outputShapes(blocks, in)).containsExactly(new Shape(2, 16, 4, 4));
        assertThat(Chain.outputShapes(List.of(), in)).containsExactly(in);
    }

    @Test
    void squareWindowsReportTheirGeometry() {
        ConvBn conv = new ConvBn(4, 5, 2, false);
        assertThat(new int[] {conv.kernel(), conv.stride(), conv.padding()}).containsExactly(5, 2, 2);
        MaxPool pool = new MaxPool(3, 2, 1);
        assertThat(new int[] {pool.kernel(), pool.stride(), pool.padding()}).containsExactly(3, 2, 1);
        assertThat(SquareWindow.square(7)).isEqualTo(new Shape(7, 7));
    }
}
