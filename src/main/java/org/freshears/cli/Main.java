package org.freshears.cli;

import java.io.PrintWriter;
import org.freshears.cli.bench.PeakMemory;
import picocli.CommandLine;

/** The one door in: parses the command line and maps failures to exit statuses. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CompilerDirectives.addFromLauncher();
        int status = run(args);
        PeakMemory.reportIfAsked();
        System.exit(status);
    }

    /** Runs the CLI on the process's stdout and stderr and returns the exit status (no System.exit). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given output streams and returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = FreshEarsCommand.commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("freshears: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'freshears " + commandName(ex.getCommandLine())
                    + "--help' for more information.");
            return ExitStatus.BAD_INPUT;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the ErrorReporter; the arrays that filled the heap are
            // unreachable by now, so there is room to say what to do.
            err.println("freshears: " + ErrorReporter.describe(e));
            return ExitStatus.BAD_INPUT;
        }
    }

    private static String commandName(CommandLine cl) {
        return cl.getParent() == null ? "" : cl.getCommandName() + " ";
    }
}
