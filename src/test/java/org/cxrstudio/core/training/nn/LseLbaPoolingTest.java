package org.cxrstudio.core.training.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LseLbaPoolingTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = Engine.getEngine("PyTorch").newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float pool(float[] map, int h, int w, double r) {
        NDArray s = manager.create(map, new Shape(1, 1, h, w));
        return LseLbaPooling.pool(s, manager.create(new float[] {(float) r})).getFloat(0, 0);
    }

    /** Values from (1/r)·ln(¼·Σ e^{r·s}) for s = 0,1,2,3, computed by hand (double precision). */
    @ParameterizedTest
    @CsvSource({"1, 2.0538953", "2, 2.3793918", "0.5, 1.8020886"})
    void matchesHandComputedValues(double r, double expected) {
        assertThat(pool(new float[] {0, 1, 2, 3}, 2, 2, r)).isCloseTo((float) expected, within(1e-5f));
    }

    @Test
    void largeRApproachesMaxPooling() {
        float[] map = {0.1f, -2f, 0.7f, 0.3f, 0.69f, -1f};
        float p = pool(map, 2, 3, 1000);
        // p = max + (1/r)·ln(k/n) with k cells near the max: within ln(6)/1000 of the max
        assertThat(p).isLessThanOrEqualTo(0.7f).isCloseTo(0.7f, within((float) (Math.log(6) / 1000) + 1e-5f));
    }

    @Test
    void smallRApproachesAveragePooling() {
        float[] map = {0.1f, -2f, 0.7f, 0.3f, 0.69f, -1f};
        double mean = (0.1 - 2 + 0.7 + 0.3 + 0.69 - 1) / 6;
        // second-order term r·var/2 ≈ 0.005·0.9/2; float rounding ≈ 1e-7/r
        assertThat(pool(map, 2, 3, 0.01)).isCloseTo((float) mean, within(5e-3f));
        assertThat(pool(map, 2, 3, 0.01)).isGreaterThan((float) mean); // LSE ≥ mean (Jensen)
    }

    @Test
    void stableForLargeScores() {
        // naive exp(10·1000) overflows; the max-shifted form gives 1000 + ln((1+e^-10)/2)/10
        float p = pool(new float[] {1000f, 999f}, 1, 2, 10);
        assertThat(p).isFinite().isCloseTo(999.930690f, within(1e-3f));
    }

    @Test
    void blockStartsAtROPlusOneAndReturnsNByC() {
        LseLbaPooling block = new LseLbaPooling(1, 1.0);
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 2, 2));
        assertThat(block.sharpness()).containsExactly(2.0f);
        NDArray s = manager.create(new float[] {0, 1, 2, 3, 3, 3, 3, 3}, new Shape(2, 1, 2, 2));
        NDArray p = block.forward(new ParameterStore(manager, false), new NDList(s), false).singletonOrThrow();
        assertThat(p.getShape()).isEqualTo(new Shape(2, 1));
        assertThat(p.getFloat(0, 0)).isCloseTo(2.3793918f, within(1e-5f));
        assertThat(p.getFloat(1, 0)).isCloseTo(3f, within(1e-5f));
    }
}
