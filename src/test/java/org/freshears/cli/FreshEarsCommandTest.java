package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FreshEarsCommandTest {

    @Test
    void eachRegisteredNameIsItsCommandsOwnName() {
        FreshEarsCommand.SUBCOMMANDS.forEach((name, command) ->
                assertEquals(name, command.get().getClass().getAnnotation(Command.class).name()));
    }

    @Test
    void theWholeCommandLineHasEverySubcommandInOrder() {
        Map<String, CommandLine> subcommands = FreshEarsCommand.commandLine().getSubcommands();
        assertEquals(List.copyOf(FreshEarsCommand.SUBCOMMANDS.keySet()), List.copyOf(subcommands.keySet()));
    }

    @Test
    void aRunNamingASubcommandBuildsThatOneAlone() {
        assertEquals(List.of("analyze"),
                List.copyOf(FreshEarsCommand.commandLine("analyze", "x.wav").getSubcommands().keySet()));
        assertEquals(FreshEarsCommand.SUBCOMMANDS.size(),
                FreshEarsCommand.commandLine("--debug", "analyze", "x.wav").getSubcommands().size());
        assertEquals(FreshEarsCommand.SUBCOMMANDS.size(), FreshEarsCommand.commandLine().getSubcommands().size());
    }

    @Test
    void helpStillListsEveryVisibleSubcommand() {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        int status = Main.run(writer, writer, "--help");
        assertEquals(ExitStatus.OK, status);
        for (String name : List.of("run", "replay", "analyze", "demo", "shell", "bench")) {
            assertTrue(out.toString().contains("  " + name + " "), name + " in:\n" + out);
        }
    }
}
