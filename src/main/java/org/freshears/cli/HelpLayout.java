package org.freshears.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Usage help that fits the terminal (its {@code COLUMNS}, at most 100 so lines stay readable) and wraps
 * between words only. Picocli breaks lines with the JDK's line BreakIterator, which breaks after a dot or
 * a hyphen inside a word ("report.|html", "demo-|mix.|wav"); here every description is wrapped at spaces
 * first, so picocli finds nothing left to break.
 */
final class HelpLayout {
    static final int MAX_WIDTH = 100;
    static final int MIN_WIDTH = 60;

    private HelpLayout() {
    }

    /** The help width for this environment: the terminal's COLUMNS within [60, 100], else 100. */
    static int widthFor(Map<String, String> environment) {
        try {
            int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
            return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, columns));
        } catch (NumberFormatException notSet) {
            return MAX_WIDTH;
        }
    }

    /** Lays out the help of this command and of every subcommand already added. */
    static void apply(CommandLine cli, int width) {
        cli.setUsageHelpWidth(width);
        cli.setHelpFactory(WordWrappingHelp::new);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                help -> description(help.commandSpec(), width));
        for (CommandLine sub : cli.getSubcommands().values()) {
            apply(sub, width);
        }
    }

    /** Each description element is a paragraph, wrapped to the full width. */
    private static String description(CommandSpec spec, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : spec.usageMessage().description()) {
            for (String line : wrap(paragraph, width, width)) {
                out.append(line).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** Greedy wrapping at spaces: the first line up to firstWidth, the others up to nextWidth. */
    static List<String> wrap(String text, int firstWidth, int nextWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            int limit = lines.isEmpty() ? firstWidth : nextWidth;
            if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Picocli's help with tables whose wrapping columns are pre-wrapped at spaces. */
    private static final class WordWrappingHelp extends Help {
        WordWrappingHelp(CommandSpec spec, ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public Layout createDefaultLayout() {
            int longOptions = calcLongOptionColumnWidth(commandSpec().options(), commandSpec().positionalParameters(),
                    colorScheme());
            TextTable defaults = TextTable.forDefaultColumns(colorScheme(), longOptions, width());
            return new Layout(colorScheme(), new WordWrappingTable(colorScheme(), defaults.columns()),
                    createDefaultOptionRenderer(), createDefaultParameterRenderer());
        }

        @Override
        public TextTable createTextTable(Map<?, ?> map) {
            TextTable defaults = super.createTextTable(map);
            WordWrappingTable table = new WordWrappingTable(colorScheme(), defaults.columns());
            for (int row = 0; row < defaults.rowCount(); row++) {
                table.addRowValues(defaults.textAt(row, 0), defaults.textAt(row, 1));
            }
            return table;
        }

        private int width() {
            return commandSpec().usageMessage().width();
        }
    }

    private static final class WordWrappingTable extends TextTable {
        private final ColorScheme scheme;

        WordWrappingTable(ColorScheme scheme, Column[] columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        /** Each wrapped line goes on a row of its own, indented as picocli indents its wrapped lines. */
        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (value == null || column.overflow != Column.Overflow.WRAP) {
                return super.putValue(row, col, value);
            }
            // Picocli moves to a new row when a line reaches the column's last character: stay short of it.
            int firstWidth = column.width - column.indent - 1;
            List<String> lines = wrap(value.plainString(), firstWidth, firstWidth - indentWrappedLines);
            if (lines.size() == 1) {
                return super.putValue(row, col, value);
            }
            Cell cell = super.putValue(row, col, text(lines.get(0)));
            for (String line : lines.subList(1, lines.size())) {
                addEmptyRow();
                cell = super.putValue(rowCount() - 1, col, text(" ".repeat(indentWrappedLines) + line));
            }
            return cell;
        }

        private Text text(String plain) {
            return scheme.ansi().new Text(plain, scheme);
        }
    }
}
