package org.freshears.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which JIT a command's JVM should use; the {@code freshears} launcher applies the same rule (keep the two
 * in step). {@code analyze} of an ordinary mix is over in about a second, less than the optimising
 * compiler (C2) spends compiling its loops: about 1 s of CPU on a 4-minute stereo file, half of it on
 * JTransforms' FFT, on a 2-core machine where it competes with the meters. C1 alone compiles in a fifth
 * of that and its code, though slower, finishes first (measured 0.2 s less CPU and 0.1 s less wall time).
 * Past {@link #C1_ONLY_MAX_BYTES} of input (about 12 minutes of 24-bit 48 kHz stereo) C2's code pays
 * back its compilation, so longer analyses, and every render, keep the default tiered JIT.
 */
final class JitPolicy {
    static final long C1_ONLY_MAX_BYTES = 192L << 20;

    private JitPolicy() {
    }

    /** Extra JVM options for running the CLI with these arguments. */
    static List<String> optionsFor(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("analyze")) {
            return List.of();
        }
        long bytes = 0;
        for (String arg : args.subList(1, args.size())) {
            try {
                Path file = Path.of(arg);
                if (Files.isRegularFile(file)) {
                    bytes += Files.size(file);
                }
            } catch (IOException | RuntimeException e) {
                // Not a readable file (an option, say): it adds nothing to the work.
            }
        }
        return bytes <= C1_ONLY_MAX_BYTES ? List.of("-XX:TieredStopAtLevel=1") : List.of();
    }
}
