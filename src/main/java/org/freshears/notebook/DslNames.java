package org.freshears.notebook;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the compiler's "cannot find symbol" and "cannot be applied" into what a notebook writer needs:
 * the nearest names the DSL has (by edit distance) and the parameters a method takes, named as in the
 * source ({@code bell(freqHz, gainDb)}; the build compiles with {@code -parameters} so they survive).
 *
 * <p>Where a name is looked for comes from the diagnostic's location: a type ("location: class
 * ...Compressor", "variable s of type ...Session") offers that type's public methods; a snippet's own
 * scope offers the statically imported DSL classes' methods.
 */
final class DslNames {
    private static final Pattern SYMBOL = Pattern.compile("symbol:\\s+(method|variable|class)\\s+(\\w+)(\\([^)]*\\))?");
    private static final Pattern LOCATION_TYPE = Pattern.compile(
            "location:\\s+(?:(?:class|interface|enum|record)\\s+([\\w.$]+)|variable \\w+ of type ([\\w.$]+))");
    private static final Pattern CANNOT_APPLY = Pattern.compile(
            "method (\\w+) in (?:class|interface|enum|record) ([\\w.$]+)(?:<[^>]*>)? cannot be applied to given types");
    private static final Pattern NO_SUITABLE = Pattern.compile(
            "no suitable method found for (\\w+)\\(([^)]*)\\)");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("method ([\\w.$]+)\\.(\\w+)(?:<[^>]*>)?\\(");
    private static final Pattern FOUND = Pattern.compile("found:\\s+(.*)");
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait");

    private final List<Class<?>> dslClasses;

    /** dslClasses: the classes whose static methods a notebook calls unqualified ({@code Mastering}). */
    DslNames(List<Class<?>> dslClasses) {
        this.dslClasses = List.copyOf(dslClasses);
    }

    /** The classes of the {@code import static X.*;} lines among these imports that can be loaded. */
    static DslNames fromImports(List<String> imports) {
        Pattern staticImport = Pattern.compile("import\\s+static\\s+([\\w.$]+)\\.\\*\\s*;");
        List<Class<?>> classes = new ArrayList<>();
        for (String line : imports) {
            Matcher m = staticImport.matcher(line.strip());
            if (m.matches()) {
                load(m.group(1)).ifPresent(classes::add);
            }
        }
        return new DslNames(classes);
    }

    /**
     * The diagnostic as one line for people, with a hint where one helps:
     * "Compressor has no method thresdholdDb(int); did you mean thresholdDb(thresholdDb)?".
     */
    String explain(String diagnostic) {
        String oneLine = CellEvaluator.oneLine(diagnostic);
        Matcher apply = CANNOT_APPLY.matcher(diagnostic);
        if (apply.find()) {
            Optional<Class<?>> owner = load(apply.group(2));
            Matcher found = FOUND.matcher(diagnostic);
            String given = found.find() ? found.group(1).strip() : "";
            if (owner.isPresent()) {
                return wrongArguments(apply.group(1), owner.get(), given.equals("no arguments") ? "" : given);
            }
        }
        Matcher none = NO_SUITABLE.matcher(diagnostic);
        if (none.find()) {
            Matcher candidate = NOT_APPLICABLE.matcher(diagnostic.substring(none.end()));
            Optional<Class<?>> owner = candidate.find() ? load(qualified(candidate.group(1))) : Optional.empty();
            if (owner.isPresent()) {
                return wrongArguments(none.group(1), owner.get(), none.group(2));
            }
        }
        Matcher symbol = SYMBOL.matcher(diagnostic);
        if (symbol.find() && !symbol.group(1).equals("class")) {
            String name = symbol.group(2);
            Matcher location = LOCATION_TYPE.matcher(diagnostic);
            Optional<Class<?>> type = Optional.empty();
            if (location.find()) {
                type = load(location.group(1) != null ? location.group(1) : location.group(2));
            }
            List<Method> candidates = type.filter(t -> !isSnippetClass(t))
                    .map(t -> publicMethods(t, false)).orElseGet(this::dslMethods);
            String arguments = symbol.group(3) == null ? null : simpleTypes(symbol.group(3));
            int arity = arguments == null || arguments.equals("()") ? 0 : arguments.split(",").length;
            List<String> nearest = nearest(name, candidates, arity);
            String what = symbol.group(1) + " " + name + (arguments == null ? "" : arguments);
            String where = type.filter(t -> !isSnippetClass(t)).map(t -> t.getSimpleName() + " has no " + what)
                    .orElse("there is no " + what);
            return nearest.isEmpty() ? where : where + "; did you mean " + String.join(" or ", nearest) + "?";
        }
        return oneLine;
    }

    private String wrongArguments(String method, Class<?> owner, String given) {
        List<String> forms = publicMethods(owner, false).stream().filter(m -> m.getName().equals(method))
                .map(DslNames::signature).distinct().sorted().toList();
        return "wrong arguments for " + method + ": it takes " + String.join(" or ", forms) + ", not " + method
                + simpleTypes("(" + given + ")");
    }

    /** "(java.lang.String,int)" -> "(String, int)". */
    static String simpleTypes(String arguments) {
        return arguments.replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "").replaceAll(",\\s*", ", ");
    }

    /**
     * Up to three names nearest to the misspelt one, each with its parameters; of a name's overloads,
     * the one taking as many arguments as the call gave.
     */
    static List<String> nearest(String name, List<Method> candidates, int arity) {
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, name.length() / 3);
        record Scored(Method method, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Method m : candidates) {
            String candidate = m.getName().toLowerCase(Locale.ROOT);
            int distance = candidate.equals(lower) ? 0 : editDistance(lower, candidate);
            boolean prefix = lower.length() >= 4 && candidate.startsWith(lower);
            if (distance <= allowed || prefix) {
                scored.add(new Scored(m, prefix ? Math.min(distance, allowed) : distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(s -> s.method().getName())
                .thenComparingInt(s -> Math.abs(s.method().getParameterCount() - arity)));
        Set<String> names = new LinkedHashSet<>();
        List<String> shown = new ArrayList<>();
        int best = scored.isEmpty() ? 0 : scored.get(0).distance();
        for (Scored s : scored) {
            if (s.distance() <= best + 1 && shown.size() < 3 && names.add(s.method().getName())) {
                shown.add(signature(s.method()));
            }
        }
        return List.copyOf(shown);
    }

    /** "bell(freqHz, gainDb)", "multiband(crossoversHz...)". */
    static String signature(Method method) {
        List<String> names = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            // A name says more than a type (bell(freqHz, gainDb)), but a setter's "v" says less than
            // "double" where the method's own name carries the unit (thresholdDb(double)).
            String name = p.isNamePresent() && p.getName().length() > 1 ? p.getName() : p.getType().getSimpleName();
            names.add(method.isVarArgs() && i == parameters.length - 1 ? name + "..." : name);
        }
        return method.getName() + "(" + String.join(", ", names) + ")";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private List<Method> dslMethods() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> dsl : dslClasses) {
            methods.addAll(publicMethods(dsl, true));
        }
        return methods;
    }

    private static List<Method> publicMethods(Class<?> type, boolean staticOnly) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (!OBJECT_METHODS.contains(m.getName()) && !m.isSynthetic() && !m.isBridge()
                    && (!staticOnly || Modifier.isStatic(m.getModifiers()))) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount));
        return methods;
    }

    /** JShell wraps snippets in classes of its own (REPL.$JShell$12): their scope is the DSL's. */
    private static boolean isSnippetClass(Class<?> type) {
        return type.getName().startsWith("REPL.");
    }

    /** "Mastering" as javac prints a candidate's owner may be a simple name: resolve it against the DSL. */
    private String qualified(String owner) {
        if (owner.contains(".")) {
            return owner;
        }
        return dslClasses.stream().filter(c -> c.getSimpleName().equals(owner)).map(Class::getName).findFirst()
                .orElse(owner);
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, DslNames.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
