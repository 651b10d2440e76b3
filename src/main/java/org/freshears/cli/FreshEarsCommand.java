package org.freshears.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "freshears",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A fresh pair of ears as code: measure a printed mix, run a mastering checklist notebook, "
                + "reproduce a master bit for bit.",
        subcommands = {RunCommand.class, ReplayCommand.class, AnalyzeCommand.class, DemoCommand.class,
            ShellCommand.class, BenchCommand.class, RenderChainCommand.class, ClassArchiveTraining.class})
public final class FreshEarsCommand {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show the full stack trace when something fails.")
    boolean debug;
}
