package org.freshears.chain;

import java.util.List;

/**
 * A fixed match EQ curve (a resolved step as a session saves it: points and gains, made by formula so it
 * does not depend on a measurement) rendering the golden chain's input: its SHA-256 proves the match EQ's
 * render is bit-identical across runs and JDKs. A main, so a second JDK can render it in a child process.
 */
public final class MatchEqGolden {
    private MatchEqGolden() {
    }

    static MatchEqCurve curve() {
        int points = 241; // 20 Hz to 20 kHz in 1/24 octave
        double[] hz = new double[points];
        double[] db = new double[points];
        for (int i = 0; i < points; i++) {
            hz[i] = MatchTarget.gridHz(i);
            db[i] = Math.rint(1000 * Math.max(-6, Math.min(3, 4 * StrictMath.sin(i / 17.0)))) / 1000;
        }
        return new MatchEqCurve("golden", 1, 1 / 3.0, 3, 6, 30, 16_000, hz, db);
    }

    public static String render() {
        return ProcessorContract.sha256(new Renderer().render(List.of(curve()), GoldenChain.input()));
    }

    public static void main(String[] args) {
        System.out.println(render());
    }
}
