package org.cxrstudio.core.gate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;

/** Radiographs built directly, with the metadata a DICOM header would give. */
final class GateFixtures {
    private GateFixtures() { }

    /** A textured 8-bit gray image (not blank) with the given header attributes. */
    static Radiograph film(int cols, int rows, String viewPosition, Map<String, String> metadata) {
        int[] px = new int[cols * rows];
        Random rnd = new Random(7);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                px[y * cols + x] = (int) (100 + 60 * Math.sin(x / 17.0) * Math.cos(y / 23.0)) + rnd.nextInt(20);
            }
        }
        return new Radiograph(cols, rows, px, 8, 8, false, Photometric.MONOCHROME2, 1, 0, List.of(), Optional.empty(),
                Optional.empty(), viewPosition, "DICOM", metadata, Map.of());
    }

    static Radiograph dicom(String modality, String view, String bodyPart) {
        return film(512, 512, view, bodyPart == null ? Map.of("Modality", modality)
                : Map.of("Modality", modality, "BodyPartExamined", bodyPart));
    }
}
