package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real Orthanc killed while it streams a study (48 MiB, larger than the loopback socket
 * buffers): a clear error, and nothing half-written in the cache.
 */
@Timeout(120)
class OrthancStoppedTest {
    static final String STUDY = "2.25.77";
    static final int SIZE = 2048;
    static final int FILES = 6;

    @TempDir
    Path dir;

    @Test
    void serverStoppedMidRetrieveLeavesNoPartialFile() throws IOException {
        Orthanc.assumeInstalled();
        List<Path> files = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        int[] px = new int[SIZE * SIZE];
        for (int i = 0; i < FILES; i++) {
            for (int p = 0; p < px.length; p++) {
                px[p] = rnd.nextInt(4096); // noise: nothing to compress
            }
            files.add(Files.write(dir.resolve("f" + i + ".dcm"), film("2.25.77" + i, px)));
        }
        Path cache = dir.resolve("cache");
        try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"))) {
            DicomWebClient client = new DicomWebClient(PacsServer.of("t", orthanc.dicomWebUrl(), PacsCredentials.NONE)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));
            client.store(files, ProgressListener.NONE, CancellationToken.NONE);
            assertThatThrownBy(() -> client.retrieveStudy(STUDY, cache, (done, total, msg) -> {
                if (orthanc.isAlive() && msg.contains("MiB")) {
                    orthanc.kill();
                }
            }, CancellationToken.NONE)).isInstanceOf(PacsException.class).hasMessageContaining(orthanc.dicomWebUrl())
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("truncated multipart body", "connection lost",
                            "read timeout"));
        }
        DicomWebClientOrthancTest.assertNoTempFiles(cache);
        try (var s = Files.walk(cache)) {
            assertThat(s.filter(Files::isRegularFile).count()).isLessThan(FILES);
        }
    }

    static byte[] film(String sop, int[] px) {
        return new DicomWriter().string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1")
                .string(Tags.SOP_INSTANCE_UID, "UI", sop).string(Tags.STUDY_INSTANCE_UID, "UI", STUDY)
                .string(Tags.SERIES_INSTANCE_UID, "UI", STUDY + ".1").string(Tags.PATIENT_ID, "LO", "NOISE")
                .string(Tags.MODALITY, "CS", "CR").us(Tags.ROWS, SIZE).us(Tags.COLUMNS, SIZE)
                .us(Tags.BITS_ALLOCATED, 16).us(Tags.BITS_STORED, 12).us(Tags.HIGH_BIT, 11).us(Tags.SAMPLES_PER_PIXEL, 1)
                .us(Tags.PIXEL_REPRESENTATION, 0).string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                .pixels16(px).toBytes(TransferSyntax.EXPLICIT_LE);
    }
}
