package org.cxrstudio.app.cli;

import org.cxrstudio.core.pacs.StudySummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON line {@code pacs search --json} prints per study: keys, their order and unknown counts. */
class PacsSearchJsonTest {
    @Test
    void oneStudyIsOneLineUnderTheDocumentedKeys() {
        StudySummary s = new StudySummary("1.2.3", "P7", "DOE^JANE", "20261201", "A42", "Chest PA",
                List.of("CR", "DX"), 2, -1);
        assertThat(JsonOut.LINE.toJson(s)).isEqualTo("{\"study_uid\":\"1.2.3\",\"patient_id\":\"P7\","
                + "\"patient_name\":\"DOE^JANE\",\"study_date\":\"20261201\",\"accession\":\"A42\","
                + "\"description\":\"Chest PA\",\"modalities\":[\"CR\",\"DX\"],\"series\":2,\"instances\":-1}");
    }
}
