package org.freshears.cli;

import picocli.CommandLine;

/** The one door in: parses the command line and maps failures to exit statuses. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args);
        PeakMemory.reportIfAsked();
        System.exit(status);
    }

    /** Runs the CLI and returns the exit status (for tests: no System.exit). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new FreshEarsCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("freshears: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'freshears " + commandName(ex.getCommandLine())
                    + "--help' for more information.");
            return ExitStatus.BAD_INPUT;
        });
        return cli.execute(args);
    }

    private static String commandName(CommandLine cl) {
        return cl.getParent() == null ? "" : cl.getCommandName() + " ";
    }
}
