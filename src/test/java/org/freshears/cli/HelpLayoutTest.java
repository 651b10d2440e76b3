package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's --help fits the width and never breaks a word or cuts a description short. */
class HelpLayoutTest {

    private static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** The root and every visible subcommand, each with its help at this width. */
    private static List<CommandLine> commands(int width) {
        CommandLine root = FreshEarsCommand.commandLine();
        HelpLayout.apply(root, width);
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().stream().filter(c -> !c.getCommandSpec().usageMessage().hidden())
                .forEach(all::add);
        return all;
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 100})
    void everyLineFitsAndEveryDescriptionIsWholeOnWordBoundaries(int width) {
        for (CommandLine command : commands(width)) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String name = command.getCommandName();
            for (String line : help.split("\\R")) {
                assertTrue(line.length() <= width, name + " at " + width + ": " + line.length() + " > width: " + line);
            }
            CommandSpec spec = command.getCommandSpec();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (ArgSpec arg : spec.args()) {
                texts.add(String.join(" ", arg.description()));
            }
            // Collapsing whitespace undoes wrapping at spaces; a word broken at '.' or '-' would not match.
            String flowing = collapsed(help);
            for (String text : texts) {
                assertTrue(flowing.contains(collapsed(text)), name + " at " + width + " breaks or cuts: " + text
                        + "\n" + help);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 100})
    void theCommandListShowsEachCommandsWholeFirstSentence(int width) {
        List<CommandLine> commands = commands(width);
        String flowing = collapsed(commands.get(0).getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine command : commands.subList(1, commands.size())) {
            String summary = command.getCommandSpec().usageMessage().description()[0];
            assertTrue(summary.endsWith("."), command.getCommandName() + ": not a whole sentence: " + summary);
            assertTrue(flowing.contains(command.getCommandName() + " " + summary), summary);
        }
    }

    @org.junit.jupiter.api.Test
    void widthFollowsTheTerminalWithinReadableBounds() {
        assertEquals(100, HelpLayout.widthFor(Map.of()));
        assertEquals(100, HelpLayout.widthFor(Map.of("COLUMNS", "240")));
        assertEquals(72, HelpLayout.widthFor(Map.of("COLUMNS", "72")));
        assertEquals(60, HelpLayout.widthFor(Map.of("COLUMNS", "20")));
        assertEquals(100, HelpLayout.widthFor(Map.of("COLUMNS", "wide")));
    }

    @org.junit.jupiter.api.Test
    void wrapsAtSpacesOnly() {
        assertEquals(List.of("writes report.html,", "  notebook.ipynb"),
                HelpLayout.wrap("writes report.html, notebook.ipynb", 20, 18).stream()
                        .map(l -> l.startsWith("writes") ? l : "  " + l).toList());
    }
}
