package org.freshears.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.freshears.session.file.AbxImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "abx-import",
        description = {"Record a blind ABX result (saved from the report's ABX panel) in its session file.",
            "The result is checked against the session (same mix by SHA-256, versions the session has, level-matching"
                + " gains as the session measured them); its score and the probability of guessing it are worked out"
                + " again from the trials. Importing the same result twice records it once. Exit status 0 when"
                + " recorded (or already recorded), 2 when the result or the session cannot be used (nothing is"
                + " written)."},
        mixinStandardHelpOptions = true)
final class AbxImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULT.json", description = "The ABX result the report saved.")
    Path result;

    @Parameters(index = "1", paramLabel = "SESSION.json", description = "The session file of the run it was made in.")
    Path session;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AbxImport.Outcome outcome = AbxImport.run(result, session);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(outcome.test().summary());
        stdout.println(outcome.alreadyRecorded()
                ? "already recorded as listening test " + outcome.number() + " in " + session + "; nothing written"
                : "recorded as listening test " + outcome.number() + " in " + session);
        stdout.flush();
        return ExitStatus.OK;
    }
}
