package org.freshears.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.freshears.cli.bench.BenchCommand;
import org.freshears.cli.bench.ClassArchiveTraining;
import org.freshears.cli.bench.RenderChainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "freshears",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A fresh pair of ears as code: measure a printed mix, run a mastering checklist notebook, "
                + "reproduce a master bit for bit.")
public final class FreshEarsCommand {
    /**
     * The subcommands by name, in help order. They are added in code rather than listed in
     * {@code @Command(subcommands = ...)} so that a run naming one builds picocli's reflective model of that
     * one alone ({@link #commandLine}): the other seven cost about 50 ms of a 0.5 s analyze. Each name is
     * its class's {@code @Command} name (pinned by a test).
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = java.util.Collections.unmodifiableMap(subcommands());

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show the full stack trace when something fails.")
    boolean debug;

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> map = new LinkedHashMap<>();
        map.put("run", RunCommand::new);
        map.put("replay", ReplayCommand::new);
        map.put("analyze", AnalyzeCommand::new);
        map.put("demo", DemoCommand::new);
        map.put("shell", ShellCommand::new);
        map.put("listen", ListenCommand::new);
        map.put("abx-import", AbxImportCommand::new);
        map.put("kernel", KernelCommand::new);
        map.put("convert", ConvertCommand::new);
        map.put("translate", TranslateCommand::new);
        map.put("bench", BenchCommand::new);
        map.put("bench-render", RenderChainCommand::new);
        map.put("cds-training", () -> new ClassArchiveTraining(Main::run));
        map.put("bench-rerun", RerunBenchCommand::new);
        return map;
    }

    /** The whole command line, every subcommand included (for help, errors and anything not a subcommand). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FreshEarsCommand());
        SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        HelpLayout.apply(cli, HelpLayout.widthFor(System.getenv()));
        return cli;
    }

    /**
     * The command line for these arguments: when the first names a subcommand, the root with that
     * subcommand alone, which parses and runs them exactly as the whole would (the other subcommands
     * are never reached); otherwise {@linkplain #commandLine() the whole}.
     */
    public static CommandLine commandLine(String... args) {
        Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named == null) {
            return commandLine();
        }
        CommandLine cli = new CommandLine(new FreshEarsCommand());
        cli.addSubcommand(args[0], named.get());
        HelpLayout.apply(cli, HelpLayout.widthFor(System.getenv()));
        return cli;
    }
}
