package org.freshears.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Hands the launcher's HotSpot compiler directives (src/main/jvm/compiler-directives.json: C2 only for the code
 * a run's speed depends on) to this JVM, on a thread of its own while the command starts. They go through the
 * JVM's diagnostic command (what {@code jcmd PID Compiler.directives_add} calls) rather than the
 * {@code -XX:CompilerDirectivesFile} flag, because the flag makes the JVM print "2 compiler directives added" on
 * the program's stdout, and silencing that (-XX:-DisplayVMOutput) would also hide its start-up errors.
 * A JIT policy only changes speed, never results: any failure leaves the default JIT, silently.
 */
final class CompilerDirectives {
    /** The launcher names the file in this system property. */
    static final String PROPERTY = "freshears.compilerDirectives";

    private CompilerDirectives() {
    }

    /** Adds the directives file the launcher named, if any, in the background. */
    static void addFromLauncher() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isEmpty()) {
            return;
        }
        Thread adding = new Thread(() -> add(Path.of(file)), "freshears-jit-policy");
        adding.setDaemon(true);
        adding.start();
    }

    /** Adds the directives in {@code file} to this JVM's compiler; false when it could not. */
    static boolean add(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toAbsolutePath().toString()}},
                    new String[] {String[].class.getName()});
            return String.valueOf(said).contains("directives added");
        } catch (JMException | RuntimeException | LinkageError e) { // LinkageError: a runtime without java.management
            return false;
        }
    }
}
