package org.freshears;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package picture of DESIGN.md, enforced: each package uses only the ones below it, so dependencies
 * point one way and {@code cli} is the only door in. A new arrow is a design decision: change this table
 * and the design together.
 */
class ArchitectureTest {
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("io", Set.of()),
            Map.entry("dsp", Set.of()),
            Map.entry("audio", Set.of("io")),
            Map.entry("measure", Set.of("audio", "dsp")),
            Map.entry("chain", Set.of("audio", "dsp", "measure")),
            Map.entry("checklist", Set.of("measure")),
            Map.entry("plot", Set.of("measure", "checklist", "io")),
            Map.entry("session", Set.of("audio", "io", "measure", "chain", "checklist", "findings", "plot")),
            Map.entry("report", Set.of("audio", "io", "measure", "chain", "checklist", "findings", "plot", "session")),
            Map.entry("notebook", Set.of("report")),
            Map.entry("demo", Set.of("audio", "dsp")),
            Map.entry("findings", Set.of("audio", "dsp", "measure", "checklist")),
            Map.entry("cli", Set.of("audio", "io", "dsp", "measure", "chain", "checklist", "findings", "plot", "session",
                    "report", "notebook", "demo")));
    private static final Pattern REFERENCE = Pattern.compile("org\\.freshears\\.([a-z]+)\\.[A-Za-z]");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        Path root = Path.of("src/main/java/org/freshears");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // org.freshears.Mastering: the DSL, above everything but cli
                }
                String pkg = relative.getName(0).toString();
                Set<String> allowed = MAY_USE.get(pkg);
                assertTrue(allowed != null, "package " + pkg + " is not in the design's table");
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) {
                        violations.add(relative + " uses " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), violations.stream().distinct().toList());
    }
}
