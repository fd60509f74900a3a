package org.cxrstudio.core.imaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link Bilinear#sample} against values worked out by hand on a 3 x 2 grid. */
class BilinearTest {
    /**
     * <pre>
     *  0  10  20
     * 30  40  50
     * </pre>
     */
    private static final float[] GRID = {0, 10, 20, 30, 40, 50};

    @ParameterizedTest(name = "({0}, {1}) -> {2}")
    @CsvSource({
            "0, 0, 0",        // cell centres give the cell values
            "2, 1, 50",
            "1, 0, 10",
            "0.5, 0, 5",      // halfway along a row
            "0, 0.5, 15",     // halfway down a column
            "0.5, 0.5, 20",   // mean of 0, 10, 30, 40
            "1.25, 0.75, 35", // top 12.5, bottom 42.5: 12.5 * 0.25 + 42.5 * 0.75
            "-3, -1, 0",      // clamped to the corner
            "7, 0.5, 35",     // clamped to the last column: 20 and 50
            "1.5, 9, 45",     // clamped to the last row: 40 and 50
    })
    void matchesHandComputedValues(double x, double y, float expected) {
        assertThat(Bilinear.sample(GRID, 3, 2, x, y)).isCloseTo(expected, within(1e-5f));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0.3, 0", "5, -2"})
    void singleCellIsConstant(double x, double y) {
        assertThat(Bilinear.sample(new float[] {7}, 1, 1, x, y)).isEqualTo(7f);
    }
}
