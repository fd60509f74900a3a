package org.cxrstudio.core.eval;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code eval} prints and writes: the pooled figures at the top level, then optionally
 * {@code "groups": {"<value>": {same fields}}} and {@code "shortcut_check": [...]}.
 *
 * @param pooled   figures over all images
 * @param groups   per-group figures, or {@code null} when not grouped
 * @param shortcut source-pair AUCs within each class, or {@code null} when not requested
 */
public record EvalReport(EvalSummary pooled, Map<String, EvalSummary> groups, List<ShortcutCheck.Pair> shortcut) {

    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>(pooled.toJsonMap());
        if (groups != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            groups.forEach((k, v) -> g.put(k, v.toJsonMap()));
            m.put("groups", g);
        }
        if (shortcut != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ShortcutCheck.Pair p : shortcut) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("class", p.label());
                e.put("source_a", p.sourceA());
                e.put("source_b", p.sourceB());
                e.put("n_a", p.nA());
                e.put("n_b", p.nB());
                e.put("auc", p.auc());
                e.put("separability", p.separability());
                list.add(e);
            }
            m.put("shortcut_check", list);
        }
        return m;
    }

    /** Pretty JSON with {@code null} kept for undefined figures. */
    public String toJson() {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(toJsonMap());
    }
}
