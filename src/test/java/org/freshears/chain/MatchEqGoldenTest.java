package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The match EQ's render is bit-identical: a pinned SHA-256, the same on a second JDK when one is installed. */
class MatchEqGoldenTest {
    /** Pinned on JDK 17 and Temurin 25; a change here means match EQ renders changed: say why in the commit. */
    static final String GOLDEN = "d3f3971f4352292f3967a1cdf67411dcedf90d27bf55583a818d2df2526556da";

    @Test
    void theFixedCurveRendersTheGoldenBits() {
        assertEquals(GOLDEN, MatchEqGolden.render());
    }

    @Test
    void aSecondJdkRendersTheSameBits() throws Exception {
        Path otherJava = GoldenChainTest.otherJdk();
        assumeTrue(otherJava != null, "no second JDK under /usr/lib/jvm: cross-JDK check skipped");
        Process p = new ProcessBuilder(otherJava.toString(), "-cp", System.getProperty("java.class.path"),
                MatchEqGolden.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(GOLDEN, out.lines().reduce((a, b) -> b).orElse(""), "rendered by " + otherJava);
    }
}
