package org.cxrstudio.app.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompareScoresCommandTest {
    @TempDir
    Path dir;

    private Path csv(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), "file,label,group,score\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void reportsAucsDifferenceAndIntervalOnAllImagesAndOnASubset() throws IOException {
        // a ranks every TB image above every normal one; b gets the shenzhen pair the wrong way round
        Path a = csv("a.csv", "x/1.png,tb,shenzhen,0.9", "x/2.png,non_tb,shenzhen,0.2", "x/3.png,tb,nih,0.8",
                "x/4.png,non_tb,nih,0.1", "x/a,b.png,tb,montgomery,0.7", "x/6.png,non_tb,montgomery,0.3");
        Path b = csv("b.csv", "x/2.png,non_tb,shenzhen,0.6", "x/1.png,tb,shenzhen,0.4", "x/3.png,tb,nih,0.8",
                "x/4.png,non_tb,nih,0.1", "x/a,b.png,tb,montgomery,0.7", "x/6.png,non_tb,montgomery,0.3");
        Path json = dir.resolve("c.json");
        CliRun run = CliRun.of("compare-scores", a.toString(), b.toString(), "--subset", "same-source=shenzhen,montgomery",
                "--resamples", "500", "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("same-source");
        JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject all = j.getAsJsonArray("subsets").get(0).getAsJsonObject();
        assertThat(all.get("name").getAsString()).isEqualTo("all");
        assertThat(all.get("n").getAsInt()).isEqualTo(6);
        assertThat(all.get("auc_a").getAsDouble()).isEqualTo(1.0);
        assertThat(all.get("auc_b").getAsDouble()).isEqualTo(8.0 / 9); // of the 9 TB-normal pairs only 0.4 vs 0.6 is misordered
        JsonObject same = j.getAsJsonArray("subsets").get(1).getAsJsonObject();
        assertThat(same.get("n").getAsInt()).isEqualTo(4);
        assertThat(same.get("auc_b").getAsDouble()).isEqualTo(0.75);
        double lo = same.getAsJsonArray("ci95").get(0).getAsDouble();
        double hi = same.getAsJsonArray("ci95").get(1).getAsDouble();
        assertThat(lo).isLessThanOrEqualTo(same.get("difference").getAsDouble()).isGreaterThanOrEqualTo(0);
        assertThat(hi).isLessThanOrEqualTo(1);
    }

    @Test
    void jsonOverAnInputScoresFileIsRefused() throws IOException {
        Path a = csv("a.csv", "1.png,tb,s,0.9", "2.png,non_tb,s,0.1");
        Path b = csv("b.csv", "1.png,tb,s,0.8", "2.png,non_tb,s,0.2");
        String before = Files.readString(b);
        CliRun run = CliRun.of("compare-scores", "--json", b.toString(), a.toString(), b.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: --json " + b + " is also an input of this command");
        assertThat(Files.readString(b)).isEqualTo(before);
    }

    @Test
    void refusesFilesThatScoreDifferentImagesOrAreNotScoreFiles() throws IOException {
        Path a = csv("a.csv", "1.png,tb,s,0.9", "2.png,non_tb,s,0.1");
        Path b = csv("b.csv", "1.png,tb,s,0.9", "3.png,non_tb,s,0.1");
        CliRun run = CliRun.of("compare-scores", a.toString(), b.toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("score different images: 1 only in the first (e.g. 2.png), 1 only in the second (e.g. 3.png)");

        Path relabelled = csv("c.csv", "1.png,non_tb,s,0.9", "2.png,non_tb,s,0.1");
        assertThat(CliRun.of("compare-scores", a.toString(), relabelled.toString()).err()).contains("1.png: labelled 'tb'");

        Path bad = csv("d.csv", "1.png,tb,s,zero", "2.png,non_tb,s,0.1");
        assertThat(CliRun.of("compare-scores", a.toString(), bad.toString()).err()).contains("line 2: score 'zero' is not a number");

        Path noHeader = Files.writeString(dir.resolve("e.csv"), "1.png,tb,s,0.9\n");
        assertThat(CliRun.of("compare-scores", a.toString(), noHeader.toString()).err()).contains("not a scores file");

        assertThat(CliRun.of("compare-scores", a.toString(), dir.resolve("missing.csv").toString()).err())
                .contains("no such scores file");
        assertThat(CliRun.of("compare-scores", a.toString(), a.toString(), "--subset", "x").err()).contains("NAME=GROUP");
        assertThat(CliRun.of("compare-scores", a.toString(), a.toString(), "--subset", "all=s").err()).contains("used twice");
        assertThat(CliRun.of("compare-scores", a.toString(), a.toString(), "--resamples", "2000000000").err())
                .contains("resamples must be 100..");
    }

    @Test
    void theSameImagesNamedRelativeInOneFileAndAbsoluteInTheOtherArePaired() throws IOException {
        Path a = csv("a.csv", "x/1.png,tb,s,0.9", "x/../x/2.png,non_tb,s,0.1");
        String abs = Path.of("x").toAbsolutePath().normalize() + "/";
        Path b = csv("b.csv", abs + "2.png,non_tb,s,0.6", abs + "1.png,tb,s,0.4");
        CliRun run = CliRun.of("compare-scores", a.toString(), b.toString(), "--resamples", "200");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("all");

        Path c = csv("c.csv", abs + "2.png,non_tb,s,0.6", abs + "3.png,tb,s,0.4");
        assertThat(CliRun.of("compare-scores", a.toString(), c.toString()).err())
                .as("still different: the message names the images as written")
                .contains("score different images: 2 only in the first (e.g. x/1.png)");
    }

    @Test
    void perImageIousGiveTheMiouDifference() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), """
                file,label,group,score,iou
                1.png,tb,tbx,0.9,0.5
                2.png,tb,tbx,0.8,0.3
                3.png,non_tb,nih,0.1,
                """);
        Path b = Files.writeString(dir.resolve("b.csv"), """
                file,label,group,score,iou
                1.png,tb,tbx,0.9,0.25
                2.png,tb,tbx,0.8,0.05
                3.png,non_tb,nih,0.1,
                """);
        Path json = dir.resolve("c.json");
        CliRun run = CliRun.of("compare-scores", a.toString(), b.toString(), "--resamples", "200", "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("mIoU a");
        JsonObject m = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("subsets").get(0)
                .getAsJsonObject().getAsJsonObject("miou");
        assertThat(m.get("n").getAsInt()).isEqualTo(2);
        assertThat(m.get("miou_a").getAsDouble()).isEqualTo(0.4);
        assertThat(m.get("miou_b").getAsDouble()).isEqualTo(0.15);
        // a beats b by exactly 0.25 on each boxed image, so on every resample
        assertThat(m.getAsJsonArray("ci95").get(0).getAsDouble()).isEqualTo(0.25);
        assertThat(m.getAsJsonArray("ci95").get(1).getAsDouble()).isEqualTo(0.25);
        assertThat(m.get("share_a_better").getAsDouble()).isEqualTo(1.0);

        Path badIou = Files.writeString(dir.resolve("d.csv"), "file,label,group,score,iou\n1.png,tb,tbx,0.9,1.5\n");
        assertThat(CliRun.of("compare-scores", a.toString(), badIou.toString()).err()).contains("iou 1.5 is not in 0..1");
    }

    @Test
    void aSubsetWithOneClassIsReportedNotFatal() throws IOException {
        Path a = csv("a.csv", "1.png,tb,s,0.9", "2.png,non_tb,t,0.1");
        CliRun run = CliRun.of("compare-scores", a.toString(), a.toString(), "--subset", "only-s=s");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("only-s").contains("n/a");
    }

    @Test
    void severalPairsCompareTwoRecipesByTheMeanOfTheirDifferences() throws IOException {
        String head = "file,label,group,score,iou\n";
        // pair 1: a perfect (AUC 1), b one pair wrong (8/9); pair 2: a and b equal; IoU gaps 0.2 and 0.0
        Path a1 = Files.writeString(dir.resolve("a1.csv"), head + "1.png,tb,s,0.9,0.6\n2.png,tb,s,0.8,0.4\n3.png,tb,t,0.7,\n"
                + "4.png,non_tb,s,0.3,\n5.png,non_tb,t,0.2,\n6.png,non_tb,t,0.1,\n");
        Path b1 = Files.writeString(dir.resolve("b1.csv"), head + "1.png,tb,s,0.9,0.4\n2.png,tb,s,0.25,0.2\n3.png,tb,t,0.7,\n"
                + "4.png,non_tb,s,0.3,\n5.png,non_tb,t,0.2,\n6.png,non_tb,t,0.1,\n");
        Path a2 = Files.writeString(dir.resolve("a2.csv"), head + "1.png,tb,s,0.5,0.3\n2.png,tb,s,0.6,0.3\n3.png,tb,t,0.7,\n"
                + "4.png,non_tb,s,0.1,\n5.png,non_tb,t,0.2,\n6.png,non_tb,t,0.3,\n");
        Path json = dir.resolve("c.json");
        CliRun run = CliRun.of("compare-scores", a1.toString(), b1.toString(), a2.toString(), a2.toString(),
                "--resamples", "300", "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("a2: ").contains("all #1").contains("all #2").contains("all mean");
        JsonObject all = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("subsets").get(0)
                .getAsJsonObject();
        double d1 = all.getAsJsonArray("per_pair").get(0).getAsJsonObject().get("difference").getAsDouble();
        double d2 = all.getAsJsonArray("per_pair").get(1).getAsJsonObject().get("difference").getAsDouble();
        assertThat(d1).isCloseTo(1 - 8.0 / 9, within(1e-12));
        assertThat(d2).isZero();
        assertThat(all.get("difference").getAsDouble()).isCloseTo((d1 + d2) / 2, within(1e-12));
        JsonObject m = all.getAsJsonObject("miou");
        assertThat(m.get("miou_a").getAsDouble()).isCloseTo((0.5 + 0.3) / 2, within(1e-12));
        assertThat(m.get("miou_b").getAsDouble()).isCloseTo((0.3 + 0.3) / 2, within(1e-12));
        assertThat(all.getAsJsonArray("miou_per_pair").get(0).getAsJsonObject().get("difference").getAsDouble())
                .isCloseTo(0.2, within(1e-12));
        assertThat(all.getAsJsonArray("miou_per_pair").get(1).getAsJsonObject().get("difference").getAsDouble()).isZero();
        // every boxed image is 0.1 better on average over the pairs, so every resample is too
        assertThat(m.getAsJsonArray("ci95").get(0).getAsDouble()).isCloseTo(0.1, within(1e-12));

        assertThat(CliRun.of("compare-scores", a1.toString(), b1.toString(), a2.toString()).err()).contains("come in pairs");
        Path other = csv("o.csv", "1.png,tb,s,0.9", "9.png,non_tb,s,0.1");
        assertThat(CliRun.of("compare-scores", a1.toString(), b1.toString(), a2.toString(), other.toString()).err())
                .contains("score different images");
    }
}
