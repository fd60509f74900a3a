package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsCsvTest {
    @TempDir
    Path dir;

    private Path write(String folder, String text) throws IOException {
        Path d = Files.createDirectories(dir.resolve(folder));
        return Files.writeString(d.resolve("labels.csv"), text);
    }

    @Test
    void mergesBoxRowsPerFile() throws IOException {
        LabelsCsv csv = LabelsCsv.read(write("tbx11k-tb", """
                filename,label,x1,y1,x2,y2,box_class
                a.png,tb,1,2,3,4,Active
                a.png,tb,10,20,30,40,"Obsolete, latent"
                b.png,no_finding,,,,,
                """));
        assertThat(csv.hasBoxColumns()).isTrue();
        assertThat(csv.images()).hasSize(2);
        LabeledImage a = csv.images().get(0);
        assertThat(a.positive()).isTrue();
        assertThat(a.boxes()).containsExactly(new Box(1, 2, 3, 4, 1), new Box(10, 20, 30, 40, 1));
        assertThat(csv.images().get(1).positive()).isFalse();
        assertThat(csv.images().get(1).boxes()).isEmpty();
        // no source column: the folder name is the group
        assertThat(csv.groupOf(a, "source", SourceMapping.DEFAULT)).isEqualTo("tbx11k-tb");
    }

    @Test
    void csvWithoutBoxColumnsAndMappedSources() throws IOException {
        LabelsCsv csv = LabelsCsv.read(write("extra", """
                filename,label,source
                n1.png,normal,da_db_png
                t1.png,tb,da_db_jpg
                t2.png,tb,shenzhen
                """));
        assertThat(csv.hasBoxColumns()).isFalse();
        assertThat(csv.images()).extracting(i -> csv.groupOf(i, "source", SourceMapping.DEFAULT))
                .containsExactly("da_db", "da_db", "shenzhen");
        assertThat(csv.groupOf(csv.images().get(0), "source", SourceMapping.IDENTITY)).isEqualTo("da_db_png");
    }

    @Test
    void malformedFilesGiveClearErrors() throws IOException {
        Path noLabel = write("x", "filename,source\na.png,s\n");
        assertThatThrownBy(() -> LabelsCsv.read(noLabel)).hasMessageContaining("lacks 'filename' and/or 'label'")
                .hasMessageContaining(noLabel.toString());
        Path badBox = write("y", "filename,label,x1,y1,x2,y2\na.png,tb,1,2,zz,4\n");
        assertThatThrownBy(() -> LabelsCsv.read(badBox)).hasMessageContaining(":2: bad box");
        Path ragged = write("z", "filename,label\na.png,tb,extra\n");
        assertThatThrownBy(() -> LabelsCsv.read(ragged)).hasMessageContaining("3 fields, header has 2");
        assertThatThrownBy(() -> LabelsCsv.read(dir.resolve("missing.csv"))).hasMessageContaining("cannot read");
    }

    @Test
    void infiniteBoxesNonUtf8TextAndMissingFilesAreNamed() throws IOException {
        Path inf = write("i", "filename,label,x1,y1,x2,y2\na.png,tb,-Infinity,0,Infinity,10\n");
        assertThatThrownBy(() -> LabelsCsv.read(inf)).hasMessageContaining(":2: bad box")
                .hasMessageContaining("finite");
        Path latin1 = Files.createDirectories(dir.resolve("l")).resolve("labels.csv");
        Files.write(latin1, "filename,label\np\u00e9.png,tb\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> LabelsCsv.read(latin1)).hasMessage(latin1 + ": cannot read labels CSV (not UTF-8 text)");
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> LabelsCsv.read(missing))
                .hasMessage(missing + ": cannot read labels CSV (no such file or folder)");
    }

    @Test
    void anImageInBothPartsOfASplitIsALeak() throws IOException {
        Path both = Files.writeString(dir.resolve("split.csv"), "filename,split\na.png,val\nb.png,train\nimages/a.png,training\n");
        assertThat(SplitList.read(both, SplitList.TRAIN)).containsExactly("b.png", "a.png"); // another path: not the same file
        Files.writeString(both, "filename,split\na.png,val\nb.png,train\na.png,TRAIN\n");
        assertThatThrownBy(() -> SplitList.read(both)).isInstanceOf(IOException.class)
                .hasMessage(both + ":4: a.png is in both the train and the val part (an image trained on would be validated on)");
        Files.writeString(both, "filename,split\na.png,val\na.png,validation\nb.png,test\nb.png,train\n");
        assertThat(SplitList.read(both)).containsExactly("a.png"); // repeated in one part, or in a part not used
        Path bin = Files.write(dir.resolve("bin.csv"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xC3});
        assertThatThrownBy(() -> SplitList.read(bin)).hasMessage(bin + ": cannot read split list (not UTF-8 text)");
    }

    @Test
    void splitListsInBothFormats() throws IOException {
        Path plain = Files.writeString(dir.resolve("val.txt"), "# validation\nimages/a.png\nb.png\n\n");
        assertThat(SplitList.read(plain)).containsExactly("a.png", "b.png");
        Path csv = Files.writeString(dir.resolve("split.csv"), "filename,split\na.png,train\nb.png,val\nc.png,validation\n");
        assertThat(SplitList.read(csv)).containsExactlyElementsOf(List.of("b.png", "c.png"));
        assertThat(SplitList.read(csv, SplitList.TRAIN)).containsExactly("a.png");
        assertThat(SplitList.read(plain, SplitList.TRAIN)).containsExactly("a.png", "b.png"); // no parts: all
        Path valOnly = Files.writeString(dir.resolve("valonly.csv"), "filename,split\nb.png,val\n");
        assertThatThrownBy(() -> SplitList.read(valOnly, SplitList.TRAIN)).hasMessageContaining("no images in its train part");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        assertThatThrownBy(() -> SplitList.read(empty)).hasMessageContaining("names no images");
    }
}
