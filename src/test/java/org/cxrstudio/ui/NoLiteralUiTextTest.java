package org.cxrstudio.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No view sets literal text: every label, button, menu item, tooltip, title, prompt, dialog text
 * and file-chooser filter in {@code ui} and {@code app/gui} comes from the bundles through
 * {@link Messages}, so a translation covers the whole window. A source scan: a call that takes
 * its text as a string literal holding a letter is flagged (ids, style classes and
 * accelerators are not text and are not matched).
 */
class NoLiteralUiTextTest {
    private static final Pattern LITERAL_TEXT = Pattern.compile(
            "(\\.set(Text|Title|HeaderText|ContentText|PromptText|Label)"
                    + "|new (Label|Button|CheckBox|RadioButton|ToggleButton|MenuItem|CheckMenuItem|RadioMenuItem|Menu"
                    + "|Tooltip|Tab|TitledPane|Hyperlink|Text|TableColumn(<[^>]*>)?|WindowPreset|UserError)"
                    + "|ExtensionFilter|\\.report|\\.confirm)\\(\\s*\"[^\"]*[A-Za-z]"
                    + "|new Alert\\([^,]*,\\s*\"[^\"]*[A-Za-z]");

    @Test
    void viewsTakeTheirTextFromTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java/org/cxrstudio/ui", "src/main/java/org/cxrstudio/app/gui")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    found.addAll(literals(f));
                }
            }
        }
        assertThat(found).as("literal UI text; move it to messages.properties").isEmpty();
    }

    @Test
    void theScanFindsLiteralText() throws IOException {
        Path f = Files.createTempFile("View", ".java");
        try {
            Files.writeString(f, "label.setText(\"Hello\");\nnew Button(\"OK\");\nnew Label(Messages.get(\"a.b\"));\n"
                    + "x.setId(\"okButton\");\nnew Alert(Alert.AlertType.ERROR, \"Broken\");\nnew Label(\"0 low\");\n");
            assertThat(literals(f)).hasSize(4);
        } finally {
            Files.delete(f);
        }
    }

    private static List<String> literals(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                continue;
            }
            if (LITERAL_TEXT.matcher(line).find()) {
                out.add(file.getFileName() + ":" + (i + 1) + ": " + line);
            }
        }
        return out;
    }
}
