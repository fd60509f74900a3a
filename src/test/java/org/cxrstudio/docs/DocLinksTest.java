package org.cxrstudio.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in {@code README.md} and {@code docs/*.md} names a file that exists, so a
 * newcomer following the README never lands on nothing. Web links and in-page anchors are not
 * checked (no network at test time); {@code file.md#anchor} checks only the file. Links inside
 * fenced code blocks are text, not links, and are skipped.
 */
class DocLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}; the target stops at a space or ')'. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page));
        }
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(broken).as("links to missing files").isEmpty();
    }

    @Test
    void aMissingTargetIsReported() throws IOException {
        Path dir = Files.createTempDirectory("doclinks");
        try {
            Path page = dir.resolve("page.md");
            Files.writeString(dir.resolve("there.md"), "x");
            Files.writeString(page, "[ok](there.md#a) [web](https://example.org) [gone](missing.md)\n"
                    + "[anchor](#top)\n```\n[in code](also-missing.md)\n```\n");
            assertThat(brokenLinks(page)).containsExactly(page + ": missing.md");
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    static List<String> brokenLinks(Path page) throws IOException {
        List<String> broken = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(page)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // http:, https:, mailto: ...; in-page anchors
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path parent = page.toAbsolutePath().getParent();
                if (!Files.exists(parent.resolve(file).normalize())) {
                    broken.add(page + ": " + target);
                }
            }
        }
        return broken;
    }
}
