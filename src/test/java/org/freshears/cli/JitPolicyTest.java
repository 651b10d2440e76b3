package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JIT policy: C1 only for analyze and listen of ordinary inputs, C2 only for the code that does the
 * work for the other short-lived commands, the default JIT for the kernel; and its young generation (the heap
 * options decided beside the JIT's).
 */
class JitPolicyTest {
    private static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1");
    private static final long C1_ONLY_MAX_BYTES = 192L << 20;

    @TempDir
    Path dir;

    private Path file(String name, long bytes) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(bytes); // sparse: no real disk use
        }
        return f;
    }

    /** What the launcher adds for these arguments (its dry run builds and runs nothing). */
    static List<String> optionsFor(List<String> args) throws IOException, InterruptedException {
        return dryRun("FRESHEARS_PRINT_JIT_OPTIONS", args);
    }

    /** The launcher's dry run that prints what {@code variable} names (its JIT or its heap options). */
    private static List<String> dryRun(String variable, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("freshears").toAbsolutePath().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(variable, "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out.isEmpty() ? List.of() : List.of(out.split(" "));
    }

    @Test
    void analyzeOfOrdinaryFilesRunsOnC1AndLongerInputKeepsC2() throws Exception {
        Path mix = file("mix.wav", 69_120_068); // the benchmark's 4-minute 24-bit stereo file
        assertEquals(C1, optionsFor(List.of("analyze", mix.toString())));
        assertEquals(C1, optionsFor(List.of("analyze", "--json", mix.toString(), "missing.wav")));
        Path other = file("other.wav", C1_ONLY_MAX_BYTES - 69_120_068 + 1);
        assertEquals(List.of(), optionsFor(List.of("analyze", mix.toString(), other.toString())));
        // listen is as short-lived: the same rule
        assertEquals(C1, optionsFor(List.of("listen", "--json", mix.toString())));
        assertEquals(List.of(), optionsFor(List.of("listen", mix.toString(), other.toString())));
    }

    @Test
    void otherShortLivedCommandsKeepC2ForTheirOwnCodeAndTheKernelTheWholeJit() throws Exception {
        Path mix = file("mix.wav", 1000);
        Path directives = Path.of("src/main/jvm/compiler-directives.json").toAbsolutePath();
        // C2 for our own code, compiling loops on stack later and methods at their entry sooner (see the launcher)
        List<String> ownCodeOnC2 = List.of("-XX:Tier4BackEdgeThreshold=400000", "-XX:Tier4MinInvocationThreshold=100",
                "-D" + CompilerDirectives.PROPERTY + "=" + directives);
        assertEquals(ownCodeOnC2, optionsFor(List.of("run", "notebook.jsh")));
        assertEquals(ownCodeOnC2, optionsFor(List.of("bench-render", mix.toString(), "out.wav")));
        assertEquals(List.of(), optionsFor(List.of("kernel", "--connection-file", "c.json")));
        assertEquals(List.of(), optionsFor(List.of()));
    }

    /**
     * A young generation of 64 MiB for the commands that keep audio in memory: it only ever holds small objects
     * (audio goes to the old one), and the default, a third of a heap that grows with the audio, faulted in some
     * 400 MiB more on a cold six-step run. analyze streams in a small heap, and the kernel keeps the default.
     */
    @Test
    void commandsThatKeepAudioGetASmallYoungGeneration() throws Exception {
        List<String> small = List.of("-Xmn64m");
        assertEquals(small, dryRun("FRESHEARS_PRINT_HEAP_OPTIONS", List.of("run", "notebook.jsh")));
        assertEquals(small, dryRun("FRESHEARS_PRINT_HEAP_OPTIONS", List.of("replay", "session.json")));
        assertEquals(List.of(), dryRun("FRESHEARS_PRINT_HEAP_OPTIONS", List.of("analyze", "mix.wav")));
        assertEquals(List.of(), dryRun("FRESHEARS_PRINT_HEAP_OPTIONS", List.of("kernel", "--connection-file", "c.json")));
        assertEquals(List.of(), dryRun("FRESHEARS_PRINT_HEAP_OPTIONS", List.of("bench-rerun", "m.wav", "out")));
    }

    /**
     * The directives parse, the JVM takes them at run time, and they say what the policy says: C2 may compile
     * our code and not javac's (their print-out lists each directive's patterns and its C2 Exclude flag).
     */
    @Test
    void theDirectivesAreOnesTheJvmAccepts() throws Exception {
        Path directives = Path.of("src/main/jvm/compiler-directives.json").toAbsolutePath();
        java.lang.management.ManagementFactory.getPlatformMBeanServer(); // the diagnostic command's door
        javax.management.ObjectName dcmd = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String before = printed(dcmd);
        try {
            assertEquals(true, CompilerDirectives.add(directives));
            String after = printed(dcmd);
            int ours = after.indexOf("org/freshears/*.*");
            int everything = after.indexOf("matching: *.*");
            assertEquals(true, ours >= 0 && everything > ours, after); // the first match wins: ours first
            assertEquals("Exclude:false", c2Exclude(after.substring(ours, everything)), after);
            assertEquals("Exclude:true", c2Exclude(after.substring(everything)), after);
            // FLAC's frame coder stays with C1 (its loops are in helpers C2 compiles): a directive before ours
            int frame = after.indexOf("matching: org/freshears/audio/FlacEncoder.frame");
            assertEquals(true, frame >= 0 && frame < ours, after);
            assertEquals("Exclude:true", c2Exclude(after.substring(frame, ours)), after);
        } finally {
            while (printed(dcmd).contains("org/freshears")) { // remove what was added, the last added first
                java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(dcmd,
                        "compilerDirectivesRemove", new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
            }
        }
        assertEquals(false, before.contains("org/freshears"), before);
        assertEquals(false, CompilerDirectives.add(dir.resolve("missing.json")));
    }

    /** The Exclude flag of the first "c2 directives" section in a directive's print-out. */
    private static String c2Exclude(String printout) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("c2 directives:[\\s\\S]*?(Exclude:\\w+)")
                .matcher(printout);
        return m.find() ? m.group(1) : printout;
    }

    private static String printed(javax.management.ObjectName dcmd) throws Exception {
        return String.valueOf(java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(dcmd,
                "compilerDirectivesPrint", new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
