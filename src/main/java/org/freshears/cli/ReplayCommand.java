package org.freshears.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.freshears.session.Progress;
import org.freshears.session.file.Replay;
import org.freshears.session.file.ReplayReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replay",
        description = {"Re-render a session's outputs from its session file and compare them bit for bit.",
            "No notebook code runs; each output's SHA-256 is compared with the recorded one. Exit status 0 when"
                + " every output is identical, 1 when any differs, 2 when the replay cannot run (bad JSON, a"
                + " different mix)."},
        mixinStandardHelpOptions = true)
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SESSION.json", description = "The session file a run wrote.")
    Path session;

    @Option(names = "--mix", paramLabel = "FILE",
            description = "The mix, if it has moved since the session ran (still checked by SHA-256).")
    Path mix;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the replayed outputs (default: a folder 'replay' beside the session file).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReplayReport report = Replay.run(session, mix, out, ReplayCommand::progressBar);
        PrintWriter stdout = spec.commandLine().getOut();
        if (report.outputs().isEmpty()) {
            stdout.println("the session recorded no outputs: nothing to compare");
            stdout.flush();
            return ExitStatus.NOT_DONE;
        }
        long identical = 0;
        for (ReplayReport.OutputResult r : report.outputs()) {
            if (r.identical()) {
                identical++;
                stdout.println("identical  " + r.recordedPath() + "  sha256 " + r.actualSha256());
            } else {
                stdout.println("DIFFERENT  " + r.recordedPath() + "  recorded " + r.expectedSha256() + " got "
                        + r.actualSha256());
            }
        }
        Path folder = report.outputs().get(0).writtenTo().getParent();
        stdout.println(identical + " of " + report.outputs().size() + " outputs identical (written to " + folder + ")");
        if (report.decoderChange() != null) {
            stdout.println("note: " + report.decoderChange());
        }
        stdout.flush();
        return report.allIdentical() ? ExitStatus.OK : ExitStatus.NOT_DONE;
    }

    private static Progress progressBar(String label) {
        ProgressBar bar = new ProgressBar(label);
        return new Progress() {
            @Override
            public void accept(double fraction) {
                bar.accept(fraction);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
