package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the input gate's header and image rules
 * ({@link InputGate#headerRulesOnly()}) on radiographs read from fuzzed DICOM (docs/fuzzing.md).
 * Invariant: reading gives a radiograph or an {@link ImageReadException}; the gate then always
 * returns a decision (accept or refuse with a reason and a one-line message), never throws.
 */
class HeaderRulesFuzzTest {
    private static final InputGate GATE = InputGate.headerRulesOnly();

    @FuzzTest(maxDuration = "10m")
    void headerRules(byte[] data) {
        Radiograph r;
        try {
            r = RadiographReader.read("fuzz.dcm", data);
        } catch (ImageReadException e) {
            return;
        }
        GateDecision d = GATE.check(r);
        assertThat(d).isNotNull();
        assertThat(d.message()).isNotBlank().doesNotContain("\n");
        assertThat(d.accepted()).isEqualTo(d.reason().isEmpty());
    }

    /** The seeds reach the rules: some are accepted, some refused for their header. */
    @Test
    void seedsAreJudgedBothWays() throws Exception {
        Path d = Path.of(HeaderRulesFuzzTest.class.getResource("HeaderRulesFuzzTestInputs/headerRules").toURI());
        int accepted = 0;
        int refused = 0;
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("seed-")).toList()) {
                GateDecision g = GATE.check(RadiographReader.read(p.toString(), Files.readAllBytes(p)));
                if (g.accepted()) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(refused).isGreaterThanOrEqualTo(5);
    }
}
