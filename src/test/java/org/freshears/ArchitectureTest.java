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
            Map.entry("checklist", Set.of("measure", "chain")),
            Map.entry("plot", Set.of("measure", "checklist", "io")),
            Map.entry("session", Set.of("audio", "io", "measure", "chain", "checklist", "findings", "translation",
                    "media")),
            Map.entry("session.file", Set.of("audio", "io", "measure", "chain", "checklist", "findings", "session",
                    "media")),
            Map.entry("report", Set.of("audio", "io", "measure", "chain", "checklist", "findings", "plot", "session",
                    "translation")),
            Map.entry("notebook", Set.of("audio", "io", "session")),
            Map.entry("kernel", Set.of("io", "session", "notebook")),
            Map.entry("demo", Set.of("audio", "dsp")),
            Map.entry("findings", Set.of("audio", "dsp", "measure", "checklist")),
            Map.entry("media", Set.of("audio", "io")),
            Map.entry("translation", Set.of("audio", "io", "dsp", "measure", "chain", "media")),
            Map.entry("cli.bench", Set.of("audio", "io", "dsp", "measure", "chain", "demo")),
            Map.entry("cli", Set.of("audio", "io", "dsp", "measure", "chain", "checklist", "findings", "plot",
                    "session", "session.file", "report", "notebook", "demo", "cli.bench", "kernel", "media", "translation")));
    /** A reference to one of our classes: the package is everything before the first capitalised name. */
    private static final Pattern REFERENCE = Pattern.compile("org\\.freshears\\.((?:[a-z]+\\.)*?[a-z]+)\\.[A-Z]");
    private static final Path ROOT = Path.of("src/main/java/org/freshears");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        Path root = ROOT;
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // org.freshears.Mastering: the DSL, above everything but cli
                }
                String pkg = packageOf(relative);
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

    /** JFreeChart is for drawing: the model and everything below the drawing layers never see it. */
    static final Set<String> MAY_DRAW = Set.of("plot", "report", "cli");

    @Test
    void onlyTheDrawingLayersKnowJFreeChart() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = ROOT.relativize(file);
                String pkg = packageOf(relative);
                if (!MAY_DRAW.contains(pkg) && Files.readString(file).contains("org.jfree.")) {
                    violations.add(relative.toString());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** Each package says, in its package-info.java, what it holds and what it may use. */
    @Test
    void everyPackageIsInTheTableAndDescribesItself() throws IOException {
        List<String> packages;
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            packages = dirs.filter(Files::isDirectory).filter(d -> !d.equals(ROOT)).filter(ArchitectureTest::holdsJava)
                    .map(d -> packageOf(ROOT.relativize(d.resolve("x.java")))).sorted().toList();
        }
        assertEquals(MAY_USE.keySet().stream().sorted().toList(), packages, "packages on disk vs the table");
        List<String> missing = new ArrayList<>();
        for (String pkg : packages) {
            Path info = ROOT.resolve(pkg.replace('.', '/')).resolve("package-info.java");
            if (!Files.isRegularFile(info) || !Files.readString(info).contains("May use")) {
                missing.add(pkg);
            }
        }
        assertEquals(List.of(), missing, "packages without a package-info.java that says what they may use");
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "session/file/Replay.java" -> "session.file". */
    private static String packageOf(Path relative) {
        StringBuilder pkg = new StringBuilder();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            pkg.append(i == 0 ? "" : ".").append(relative.getName(i));
        }
        return pkg.toString();
    }
}
