package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoresFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenScoresReadBack() throws IOException {
        Box truth = new Box(0, 0, 10, 10, 1);
        List<EvalSample> samples = List.of(
                new EvalSample("dir/a,1.png", true, 0.9, List.of(new Box(0, 0, 10, 5, 1)), null, List.of(truth), 20, 20, "shenzhen"),
                new EvalSample("b.png", false, 0.125, List.of(), null, List.of(), 20, 20, "nih"));
        Path csv = dir.resolve("s.csv");
        ScoresFile.write(csv, samples);
        assertThat(Files.readString(csv)).isEqualTo("file,label,group,score,iou\n"
                + "\"dir/a,1.png\",tb,shenzhen,0.9,0.500000\nb.png,non_tb,nih,0.125,\n");
        Map<String, ScoresFile.Score> s = ScoresFile.read(csv);
        assertThat(s.keySet()).containsExactly("dir/a,1.png", "b.png");
        assertThat(s.get("dir/a,1.png")).isEqualTo(new ScoresFile.Score("tb", "shenzhen", 0.9, 0.5));
        assertThat(s.get("dir/a,1.png").positive()).isTrue();
        assertThat(s.get("b.png").iou()).isNull();
        assertThat(s.get("b.png").positive()).isFalse();
    }

    @Test
    void scoresWithinAMillionthOfOneStayDistinct() throws IOException {
        // float probabilities of a confident model: 1 - 6e-8 and 1 - 1.2e-7 are two ranks, not a tie
        double high = (double) Math.nextDown(1f);
        double lower = (double) Math.nextDown(Math.nextDown(1f));
        List<EvalSample> samples = List.of(
                new EvalSample("tb.png", true, high, List.of(), null, List.of(), 20, 20, "g"),
                new EvalSample("normal.png", false, lower, List.of(), null, List.of(), 20, 20, "g"));
        Path csv = dir.resolve("near-one.csv");
        ScoresFile.write(csv, samples);
        Map<String, ScoresFile.Score> s = ScoresFile.read(csv);
        assertThat(s.get("tb.png").score()).isEqualTo(high);
        assertThat(s.get("normal.png").score()).isEqualTo(lower).isLessThan(s.get("tb.png").score());
    }

    @Test
    void olderFilesWithoutIouOrWithBareCommasInNamesAreRead() throws IOException {
        Path old = Files.writeString(dir.resolve("old.csv"), "file,label,group,score\nx,y.png,tb,g,0.25\n");
        assertThat(ScoresFile.read(old)).containsEntry("x,y.png", new ScoresFile.Score("tb", "g", 0.25, null));
        Path bare = Files.writeString(dir.resolve("bare.csv"), "file,label,group,score,iou\na,b,c.png,non_tb,g,0.5,\n");
        assertThat(ScoresFile.read(bare).get("a,b,c.png").score()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void badFilesAreNamedWithTheLine() throws IOException {
        Path notScores = Files.writeString(dir.resolve("n.csv"), "filename,label\na.png,tb\n");
        assertThatThrownBy(() -> ScoresFile.read(notScores)).hasMessageContaining("not a scores file");
        Path badIou = Files.writeString(dir.resolve("i.csv"), "file,label,group,score,iou\na.png,tb,g,0.5,1.5\n");
        assertThatThrownBy(() -> ScoresFile.read(badIou)).hasMessageContaining("i.csv line 2: iou 1.5 is not in 0..1");
        Path twice = Files.writeString(dir.resolve("t.csv"), "file,label,group,score\na.png,tb,g,0.5\n\na.png,tb,g,0.6\n");
        assertThatThrownBy(() -> ScoresFile.read(twice)).hasMessageContaining("t.csv line 4: a.png is scored twice");
        Path nan = Files.writeString(dir.resolve("x.csv"), "file,label,group,score\na.png,tb,g,zero\n");
        assertThatThrownBy(() -> ScoresFile.read(nan)).hasMessageContaining("score 'zero' is not a number");
        assertThatThrownBy(() -> ScoresFile.read(dir.resolve("none.csv"))).hasMessageContaining("no such scores file");
    }
}
