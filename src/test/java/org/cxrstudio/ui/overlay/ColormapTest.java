package org.cxrstudio.ui.overlay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ColormapTest {

    @ParameterizedTest
    @EnumSource(Colormap.class)
    void lowSaliencyIsTransparentHighIsOpaqueAndTheLegendIsOpaque(Colormap map) {
        assertThat(map.argb(0) >>> 24).isZero();
        assertThat(map.argb(Colormap.ALPHA_FROM - 0.01) >>> 24).isZero();
        assertThat(map.argb(0.5) >>> 24).isBetween(1, 254);
        assertThat(map.argb(1) >>> 24).isEqualTo(255);
        assertThat(map.argb(2)).isEqualTo(map.argb(1));
        assertThat(map.argb(Double.NaN)).isEqualTo(map.argb(0));
        assertThat(map.rgb(0) >>> 24).isEqualTo(255);
        assertThat(map.rgb(0) & 0xFFFFFF).isNotEqualTo(map.rgb(1) & 0xFFFFFF);
    }
}
