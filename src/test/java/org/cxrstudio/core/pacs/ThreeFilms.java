package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.Dcmtk;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A study of three chest films made from {@code ../shared}: the same CR chest (RG1) native
 * (decompressed with dcmtk's {@code dcmdjpls}), JPEG 2000 (the original) and JPEG-LS, each with
 * its own SOP Instance UID (and Accession Number {@value #ACCESSION}) so the archive keeps all three. Skips when ../shared or dcmtk is absent.
 */
public final class ThreeFilms {
    public static final Path SHARED = Path.of("..", "shared", "data", "dicom");
    public static final String STUDY_UID = "1.3.6.1.4.1.5962.1.2.9.20040826185059.5457";
    public static final String PATIENT_ID = "9RG1";
    public static final String ACCESSION = "ACC2004";

    private ThreeFilms() { }

    /** native.dcm, j2k.dcm, jpegls.dcm in {@code dir}. */
    public static List<Path> make(Path dir) throws IOException {
        Path jpegLs = SHARED.resolve("derived/RG1_from_J2KI_jpegls_lossless.dcm");
        Path j2k = SHARED.resolve("original/RG1_J2KI.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(jpegLs) && Files.isRegularFile(j2k),
                "skipped: ../shared/data/dicom (RG1 films) is absent");
        Assumptions.assumeTrue(Dcmtk.available(), "skipped: dcmtk (dcmdjpls, dcmodify) is not installed");
        Files.createDirectories(dir);
        Path ls = copy(jpegLs, dir.resolve("jpegls.dcm"));
        Path jp = copy(j2k, dir.resolve("j2k.dcm"));
        Path nat = dir.resolve("native.dcm");
        Dcmtk.run("dcmdjpls", ls.toString(), nat.toString());
        uid(nat, "2.25.1001");
        uid(jp, "2.25.1002");
        uid(ls, "2.25.1003");
        return List.of(nat, jp, ls);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.write(to, Files.readAllBytes(from));
        return to;
    }

    private static void uid(Path f, String sop) throws IOException {
        Dcmtk.run("dcmodify", "-nb", "-m", "(0008,0018)=" + sop, "-m", "(0008,0050)=" + ACCESSION, f.toString());
    }
}
