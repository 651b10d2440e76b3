package org.freshears.notebook;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The imports a batch run's notebook can use: those that bring in a name written somewhere in its code cells.
 * JShell compiles each import on its own, and a notebook run starts with 40 of them, most of which (the DSL's
 * types, java.net.*) a typical notebook never names. The benchmark's four-step notebook needs one: its cached
 * run's JShell set-up went from 1.7 to 0.9 s of CPU, its first statement from 0.75 to 0.3 s.
 *
 * <p>Leaving an import out changes nothing a cell can see: Java code reaches an imported type or static member
 * only through its simple name, written as an identifier in the source, so a name that appears nowhere in the
 * code cannot have been resolved through an import; a name that does appear keeps every import that may bring
 * it in (so shadowing and ambiguity stay as they were). Words in comments and strings count too (keeping an
 * import too many is harmless). Where the source could name something without writing it out (a Unicode
 * escape), or an import cannot be checked, every import is kept. The kernel and the shell keep them all: their
 * completion offers the imported names.
 */
final class ImportsInUse {
    private static final Pattern WORD = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");
    private static final Pattern IMPORT = Pattern.compile("import\\s+(static\\s+)?([\\w.$]+?)(\\.\\*)?\\s*;");

    private ImportsInUse() {
    }

    /**
     * The imports (in their order) that bring in a name the code uses.
     *
     * @param loader where the imported types are looked up (the class loader the cells' classes come from)
     */
    static List<String> among(List<String> imports, List<String> codeSources, ClassLoader loader) {
        if (codeSources.stream().anyMatch(source -> source.contains("\\u"))) {
            return imports; // an identifier may be spelt with escapes: the words below would miss it
        }
        Set<String> words = new HashSet<>();
        for (String source : codeSources) {
            Matcher m = WORD.matcher(source);
            while (m.find()) {
                words.add(m.group());
            }
        }
        List<String> used = new ArrayList<>();
        for (String line : imports) {
            if (brings(line.strip(), words, loader)) {
                used.add(line);
            }
        }
        return used;
    }

    /** Whether the import brings in a name among the words (true when that cannot be told). */
    private static boolean brings(String line, Set<String> words, ClassLoader loader) {
        Matcher m = IMPORT.matcher(line);
        if (!m.matches()) {
            return true; // not a plain import declaration: kept as written
        }
        boolean isStatic = m.group(1) != null;
        String name = m.group(2);
        boolean onDemand = m.group(3) != null;
        if (!onDemand) {
            return words.contains(name.substring(name.lastIndexOf('.') + 1)); // the type's or member's simple name
        }
        try {
            return isStatic ? words.stream().anyMatch(staticMembers(Class.forName(name, false, loader))::contains)
                    : words.stream().anyMatch(word -> typeExists(name, word, loader));
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return true;
        }
    }

    /** The names of every static field, method and member type of a class (public or not: more is harmless). */
    private static Set<String> staticMembers(Class<?> type) {
        Set<String> names = new HashSet<>();
        Stream.of(Arrays.stream(type.getFields()), Arrays.stream(type.getDeclaredFields()),
                Arrays.stream(type.getMethods()), Arrays.stream(type.getDeclaredMethods()))
                .flatMap(s -> s.map(Member.class::cast))
                .filter(member -> Modifier.isStatic(member.getModifiers()))
                .forEach(member -> names.add(member.getName()));
        Stream.concat(Arrays.stream(type.getClasses()), Arrays.stream(type.getDeclaredClasses()))
                .forEach(member -> names.add(member.getSimpleName()));
        return names;
    }

    /**
     * Whether {@code owner.word} is a type: a package's class, or a member type when the owner is a class. Its
     * class file is looked for rather than the class loaded: most words are not types, and a failed load
     * costs an exception each.
     */
    private static boolean typeExists(String owner, String word, ClassLoader loader) {
        String path = owner.replace('.', '/');
        return loader.getResource(path + "/" + word + ".class") != null
                || loader.getResource(path + "$" + word + ".class") != null;
    }
}
