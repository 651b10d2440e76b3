package org.freshears.notebook;

import java.util.Set;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Which expression a cell shows as its value (Jupyter's {@code execute_result}). An expression statement
 * is shown, as in the jshell tool, except a call on a writer or builder that returns the object itself
 * for chaining: {@code System.out.printf(...)} returns {@code System.out}, whose text is
 * {@code java.io.PrintStream@1b6d3586} and says nothing the printed text does not. Such a value is still
 * shown when asked for by name ({@code sb}), and every DSL value is shown: they print their settings.
 */
final class ShownValues {
    /**
     * JDK types whose methods return {@code this} for chaining (printf, format, append): the value of such
     * a call is the receiver, never a result.
     */
    private static final Set<String> CHAINING_TYPES = Set.of("java.io.PrintStream", "java.io.PrintWriter",
            "java.io.Writer", "java.io.StringWriter", "java.lang.StringBuilder", "java.lang.StringBuffer",
            "java.lang.Appendable", "java.util.Formatter");

    private ShownValues() {
    }

    /** Whether the value of an evaluated snippet is shown: expressions only, and not a chaining return. */
    static boolean shows(Snippet snippet) {
        return switch (snippet.subKind()) {
            case VAR_VALUE_SUBKIND -> true; // a variable named on its own: the user asked to see it
            case TEMP_VAR_EXPRESSION_SUBKIND, OTHER_EXPRESSION_SUBKIND -> !isChainingType(typeName(snippet));
            default -> false; // declarations and assignments show nothing
        };
    }

    /** True for the chaining JDK types, written fully qualified or (as JShell does for imports) simply. */
    static boolean isChainingType(String typeName) {
        if (typeName == null) {
            return false;
        }
        String name = typeName.strip();
        return CHAINING_TYPES.contains(name)
                || (!name.contains(".") && CHAINING_TYPES.stream().anyMatch(t -> t.endsWith("." + name)));
    }

    private static String typeName(Snippet snippet) {
        if (snippet instanceof VarSnippet v) {
            return v.typeName();
        }
        if (snippet instanceof ExpressionSnippet e) {
            return e.typeName();
        }
        return null;
    }
}
