package org.cxrstudio.core.training.data;

import org.cxrstudio.core.eval.SplitList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SplitAndSamplerTest {
    @TempDir
    Path tmp;

    private static List<Sample> samples(String source, int tb, int normal) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < tb + normal; i++) {
            out.add(new Sample(Path.of("/d/" + source + "_" + i + ".png"), true, i < tb, source, source, List.of()));
        }
        return out;
    }

    private static List<Sample> mixed() {
        List<Sample> all = new ArrayList<>();
        all.addAll(samples("shenzhen", 89, 75));
        all.addAll(samples("montgomery", 14, 22));
        all.addAll(samples("tbx11k-tb", 100, 0));
        all.addAll(samples("nih-cxr14", 0, 120));
        return all;
    }

    @Test
    void splitIsStratifiedBySourceAndLabel() {
        Split s = Split.stratified(mixed(), 0.2, 42);
        Map<String, Long> val = s.validation().stream().collect(Collectors.groupingBy(Split::stratum, Collectors.counting()));
        assertThat(val).containsEntry("shenzhen|tb", 18L).containsEntry("shenzhen|normal", 15L)
                .containsEntry("montgomery|tb", 3L).containsEntry("montgomery|normal", 4L)
                .containsEntry("tbx11k-tb|tb", 20L).containsEntry("nih-cxr14|normal", 24L);
        assertThat(s.train().size() + s.validation().size()).isEqualTo(mixed().size());
    }

    @Test
    void splitIsDeterministicAndIndependentOfInputOrderButDependsOnSeed() {
        List<Sample> shuffled = new ArrayList<>(mixed());
        Collections.shuffle(shuffled, new java.util.Random(3));
        Set<String> a = names(Split.stratified(mixed(), 0.2, 42).validation());
        assertThat(names(Split.stratified(shuffled, 0.2, 42).validation())).isEqualTo(a);
        assertThat(names(Split.stratified(mixed(), 0.2, 43).validation())).isNotEqualTo(a);
    }

    @Test
    void tinyStrataKeepOneForEachSide() {
        Split s = Split.stratified(samples("x", 2, 1), 0.2, 1);
        assertThat(s.validation()).hasSize(1);  // 2 TB -> 1 val, 1 train; 1 normal -> train
        assertThat(s.train()).hasSize(2);
    }

    @Test
    void splitFileIsReadableByEvalSplitList() throws IOException {
        Split s = Split.stratified(mixed(), 0.2, 42);
        Path f = tmp.resolve(Split.FILE_NAME);
        s.write(f);
        assertThat(SplitList.read(f)).isEqualTo(names(s.validation()));
    }

    @Test
    void samplerMakesSourcesBalancedAndKeepsGroupShares() {
        List<Sample> train = mixed();
        BalancedSampler sampler = new BalancedSampler(train);
        // shenzhen (164 images): each TB image 164/2/89, each normal 164/2/75
        assertThat(sampler.weight(0)).isCloseTo(164.0 / 2 / 89, within(1e-12));
        assertThat(sampler.weight(89)).isCloseTo(164.0 / 2 / 75, within(1e-12));
        Map<String, int[]> counts = new HashMap<>();
        for (int epoch = 0; epoch < 40; epoch++) {
            for (int i : sampler.epochOrder(7, epoch)) {
                Sample s = train.get(i);
                String g = s.source().equals("tbx11k-tb") || s.source().equals("nih-cxr14") ? "cross" : s.source();
                counts.computeIfAbsent(g, k -> new int[2])[s.positive() ? 1 : 0]++;
            }
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            assertThat((double) c[1] / (c[0] + c[1])).as(e.getKey()).isCloseTo(0.5, within(0.04));
        }
        int total = counts.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        assertThat((double) (counts.get("montgomery")[0] + counts.get("montgomery")[1]) / total)
                .isCloseTo(36.0 / train.size(), within(0.01));
    }

    @Test
    void samplerEpochsAreReproducibleAndDiffer() {
        BalancedSampler s = new BalancedSampler(mixed());
        assertThat(s.epochOrder(7, 3)).isEqualTo(s.epochOrder(7, 3));
        assertThat(s.epochOrder(7, 3)).isNotEqualTo(s.epochOrder(7, 4));
    }

    private static Set<String> names(List<Sample> s) {
        return s.stream().map(Sample::filename).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
