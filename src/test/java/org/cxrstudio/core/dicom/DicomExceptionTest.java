package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.cxrstudio.core.imaging.ImageReadException;
import org.junit.jupiter.api.Test;

/** The one-line message rule shared by the DICOM reader's and the image reader's exceptions. */
class DicomExceptionTest {

    @Test
    void controlCharactersBecomeQuestionMarks() {
        assertThat(DicomException.oneLine("a.dcm: UID 1.2\n3\u0000\t4 é")).isEqualTo("a.dcm: UID 1.2?3??4 é");
        assertThat(DicomException.oneLine(null)).isNull();
        assertThat(new DicomException("x\ry").getMessage()).isEqualTo("x?y");
        assertThat(new ImageReadException("x\ny", new RuntimeException()).getMessage()).isEqualTo("x?y");
    }
}
