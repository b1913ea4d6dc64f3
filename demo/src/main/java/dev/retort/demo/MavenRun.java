package dev.retort.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one Maven build and shows what its {@code migrations:*} goals printed (the rest of Maven's output only when the
 * build fails), so the demo reads like the commands a person types.
 */
final class MavenRun {

    private MavenRun() {
    }

    static void run(Path directory, List<String> command, Map<String, String> environment, String shown) throws IOException, InterruptedException {
        System.out.println();
        System.out.println("$ " + shown);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> all = new ArrayList<>();
        boolean inRetort = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                all.add(line);
                if (line.startsWith("[INFO] --- ")) {
                    inRetort = line.contains("--- migrations:");
                } else if (line.startsWith("[INFO] ----") || line.startsWith("[INFO] BUILD")) {
                    inRetort = false;
                } else if (inRetort && !line.isBlank() && !line.equals("[INFO] ") || line.contains("Project created from Archetype")) {
                    System.out.println("  " + line);
                }
            }
        }
        int code = process.waitFor();
        if (code != 0) {
            all.stream().skip(Math.max(0, all.size() - 60)).forEach(l -> System.out.println("  | " + l));
            throw new IllegalStateException(shown + " failed with exit code " + code + " (its output is above)");
        }
    }
}
