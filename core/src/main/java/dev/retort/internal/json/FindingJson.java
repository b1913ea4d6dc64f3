package dev.retort.internal.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.lint.Finding;

/** Lint findings as the JSON of {@code lint} and of the release report write them: one shape for both. */
public final class FindingJson {

    private FindingJson() {
    }

    /** The findings as a list of JSON objects, in order. */
    public static List<Map<String, Object>> of(List<Finding> findings) {
        return findings.stream().map(FindingJson::of).toList();
    }

    private static Map<String, Object> of(Finding finding) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", finding.rule());
        f.put("severity", finding.severity().label());
        f.put("revision", finding.revision());
        f.put("direction", finding.direction().label());
        f.put("operation", finding.operation());
        f.put("problem", finding.problem());
        f.put("safeAlternative", finding.safeAlternative());
        f.put("acknowledgement", finding.acknowledgement());
        return f;
    }
}
