package org.cxrstudio.core.screening;

import org.cxrstudio.core.inference.ScoreCalibration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TbScoreTest {
    @Test
    void scoresOnTheCalibratedScaleAndDecidesOnTheRawOne() {
        TbScore plain = TbScore.of(0.724, 0.55, null);
        assertThat(plain.score()).isEqualTo(72);
        assertThat(plain.thresholdScore()).isEqualTo(55);
        assertThat(plain.positive()).isTrue();
        assertThat(plain.describe(true)).isEqualTo("TB score 72, at or above this clinic's threshold 55");
        // a = 1, b = -logit(0.9)... here b = -ln 3: p = 0.75 maps to 0.5
        ScoreCalibration c = new ScoreCalibration(ScoreCalibration.PLATT, 1, -Math.log(3), 10, 5, "", "");
        TbScore cal = TbScore.of(0.75, 0.9, c);
        assertThat(cal.score()).isEqualTo(50);
        assertThat(cal.thresholdScore()).isEqualTo(75); // 0.9 -> odds 9/3 = 3 -> 0.75
        assertThat(cal.positive()).isFalse();
        assertThat(cal.describe(false)).isEqualTo("TB score 50, below the model's threshold 75");
        assertThat(TbScore.toScore(1.0)).isEqualTo(100);
    }
}
