package org.cxrstudio.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void plainFieldsAreWrittenBareAndOthersQuoted() {
        assertThat(Csv.line("a.png", "train", "tb", "", "x")).isEqualTo("a.png,train,tb,,x\n");
        assertThat(Csv.line("a,b.png", "say \"hi\"", "two\nlines")).isEqualTo("\"a,b.png\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    }

    @Test
    void readUnquotesSkipsBlankLinesAndBomAndKeepsLineNumbers() throws IOException {
        Path f = Files.writeString(dir.resolve("x.csv"), "\uFEFFfilename,label\r\n\"a,b.png\",tb\n\n  \nc.png,\"non\"\"tb\"\n",
                StandardCharsets.UTF_8);
        List<Csv.Row> rows = Csv.read(f);
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1L, 2L, 5L);
        assertThat(rows.get(0).fields()).containsExactly("filename", "label");
        assertThat(rows.get(1).fields()).containsExactly("a,b.png", "tb");
        assertThat(rows.get(2).fields()).containsExactly("c.png", "non\"tb");
    }

    @Test
    void writeThenReadRoundTripsAndMalformedInputIsNamed() throws IOException {
        Path f = dir.resolve("sub/out.csv");
        Csv.write(f, List.of("file", "note"), List.of(List.of("a,b.png", "q\"x"), List.of("c.png", "")));
        assertThat(Csv.read(f)).extracting(Csv.Row::fields)
                .containsExactly(List.of("file", "note"), List.of("a,b.png", "q\"x"), List.of("c.png", ""));
        assertThat(Files.list(f.getParent())).containsExactly(f);
        assertThatThrownBy(() -> Csv.parse("a,\"unterminated\n", "t.csv")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("t.csv: malformed CSV");
    }

    @Test
    void aFileThatIsNotUtf8OrMissingIsNamed() throws IOException {
        Path bin = Files.write(dir.resolve("scores.csv"), new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> Csv.read(bin)).isInstanceOf(IOException.class)
                .hasMessage(bin + ": cannot read CSV (not UTF-8 text)");
        Path none = dir.resolve("none.csv");
        assertThatThrownBy(() -> Csv.read(none)).hasMessage(none + ": cannot read CSV (no such file or folder)");
    }

    @Test
    void writingOverAFolderIsRefusedAndLeavesIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Files.writeString(folder.resolve("keep.txt"), "user data");
        assertThatThrownBy(() -> Csv.write(folder, List.of("a"), List.of(List.of("1"))))
                .isInstanceOf(IOException.class).hasMessage(folder.toAbsolutePath() + ": is a folder; give a file name for the CSV");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void ioErrorsNameTheFileAndTheProblem() {
        assertThat(IoErrors.describe(new java.nio.file.FileAlreadyExistsException("out")))
                .isEqualTo("out: already exists (a file where a folder was expected?)");
        assertThat(IoErrors.describe(new java.nio.file.AccessDeniedException("/x")))
                .isEqualTo("/x: permission denied");
        assertThat(IoErrors.describe(new java.nio.file.FileSystemException("/a", null, "Not a directory")))
                .isEqualTo("/a: Not a directory");
    }
}
