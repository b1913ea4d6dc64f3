package dev.retort.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.retort.command.Problem;
import dev.retort.command.RevisionStatus;
import dev.retort.command.RunResult;
import dev.retort.command.Summary;
import dev.retort.internal.json.Json;

/** The JSON the command line writes for machines, one document per command. */
final class JsonResults {

    private JsonResults() {
    }

    static String run(RunResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("direction", result.direction().label());
        json.put("before", new TreeSet<>(result.headsBefore()));
        json.put("after", new TreeSet<>(result.headsAfter()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (RunResult.StepResult step : result.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("revision", step.step().revision() == null ? null : step.step().revision().id());
            s.put("message", step.step().revision() == null ? null : step.step().revision().message());
            s.put("ms", step.elapsed().toMillis());
            steps.add(s);
        }
        json.put("steps", steps);
        json.put("elapsedMs", result.elapsed().toMillis());
        json.put("summary", Summary.of(result));
        return Json.write(json);
    }

    static String status(List<RevisionStatus> revisions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RevisionStatus status : revisions) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("revision", status.revision().id());
            r.put("parents", status.revision().parents());
            r.put("message", status.revision().message());
            r.put("head", status.head());
            r.put("current", status.current());
            r.put("applied", status.applied());
            r.put("appliedAt", status.appliedAt());
            list.add(r);
        }
        return Json.write(list);
    }

    static String problems(List<Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", problem.kind().name().toLowerCase(java.util.Locale.ROOT));
            p.put("revision", problem.revision());
            p.put("message", problem.message());
            list.add(p);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", problems.isEmpty());
        json.put("problems", list);
        return Json.write(json);
    }
}
