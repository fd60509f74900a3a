package org.cxrstudio.core.training.data;

import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.screening.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The training loader leaves out what the input gate refuses. */
class TrainingDataGateTest {
    @TempDir
    Path tmp;

    @Test
    void refusedImagesAreExcludedAndTheRestKept() throws IOException {
        Path images = Files.createDirectories(tmp.resolve("set/images"));
        TestInputs.film(images.resolve("tb1.png"), 256, 150);
        TestInputs.film(images.resolve("n1.png"), 256, 100);
        TestInputs.ctDicom(images.resolve("ct.dcm"), 256);
        TestInputs.colourPng(images.resolve("photo.png"), 256);
        Path csv = Files.writeString(tmp.resolve("set/labels.csv"),
                "filename,label\ntb1.png,tb\nn1.png,normal\nct.dcm,normal\nphoto.png,tb\n");
        LabeledFolder f = new LabeledFolder(images, csv);
        assertThat(TrainingData.load(List.of(f), null, null)).hasSize(4);
        try (InputGate gate = InputGate.headerRulesOnly()) {
            List<Sample> kept = TrainingData.load(List.of(f), null, gate);
            assertThat(kept).extracting(Sample::filename).containsExactly("tb1.png", "n1.png");
        }
    }
}
