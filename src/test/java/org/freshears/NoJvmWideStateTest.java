package org.freshears;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6: no JVM-wide mutable state on the way from a cell to its session, so one kernel (one JVM)
 * can hold several notebooks' sessions: every static field of the program is final, and no static final
 * field holds a mutable collection, map, buffer or cache. What a run or kernel needs travels in objects it
 * owns (NotebookContext, SessionContext, CellOutputs, its ResultCache). The few exceptions are listed with
 * why each is not state on that way; a new static mutable field fails here until it is passed instead, or
 * listed with its reason.
 */
class NoJvmWideStateTest {
    /** Class#field, and why it may be static. */
    static final Map<String, String> ALLOWED = Map.of(
            "org.freshears.notebook.NotebookContext#BOUND",
            "the thread binding itself: each run binds its own context to its cell threads; a ThreadLocal holds"
                    + " no value shared between runs",
            "org.freshears.notebook.CellEvaluator#evaluating",
            "counts overlapping evaluations to restore the JVM's default uncaught-exception handler, which JShell"
                    + " replaces JVM-wide; guarded by HANDLER_LOCK, and no cell's data",
            "org.freshears.notebook.CellEvaluator#hostHandler",
            "the host's uncaught-exception handler, put back when the last evaluation ends (as above)",
            "org.freshears.notebook.CellEvaluator#HANDLER_LOCK",
            "a lock object (for the two fields above); it holds nothing",
            "org.freshears.cli.Version#TOOL",
            "a constant worked out once from the jar manifest");

    @Test
    void everyStaticFieldIsFinalAndNoneHoldsAMutableCollection() throws Exception {
        Path classes = Path.of("target/classes");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/freshears"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) || field.isSynthetic() || field.isEnumConstant()) {
                        continue;
                    }
                    String id = name + "#" + field.getName();
                    if (ALLOWED.containsKey(id)) {
                        continue;
                    }
                    if (!Modifier.isFinal(modifiers)) {
                        found.add(id + ": static and not final");
                    } else if (mutableType(field.getType())) {
                        Object value = valueOf(field);
                        if (value != null && !immutable(value)) {
                            found.add(id + ": a static " + value.getClass().getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
        for (String id : ALLOWED.keySet()) { // the list stays true: each exception still exists
            String[] parts = id.split("#");
            Class.forName(parts[0], false, getClass().getClassLoader()).getDeclaredField(parts[1]);
        }
    }

    /**
     * Cells' printed text reaches their own run through routing streams put in place once
     * ({@code CellStreams}, by the thread's bound context), never by swapping System.out per cell or run.
     */
    @Test
    void onlyTheRoutingStreamsReplaceSystemOut() throws Exception {
        List<String> swapping = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if ((text.contains("System.setOut(") || text.contains("System.setErr("))
                        && !file.endsWith(Path.of("org/freshears/notebook/CellStreams.java"))) {
                    swapping.add(file.toString());
                }
            }
        }
        assertEquals(List.of(), swapping);
    }

    /** Types that can hold changing data shared by every caller: collections, maps, builders, atomics. */
    private static boolean mutableType(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type == Object.class || type == StringBuilder.class || type == ThreadLocal.class
                || type == InheritableThreadLocal.class || type.getName().startsWith("java.util.concurrent.atomic.")
                || type == java.io.ByteArrayOutputStream.class || type == java.io.PrintStream.class;
    }

    private static Object valueOf(Field field) throws Exception {
        field.setAccessible(true);
        return field.get(null); // initialises the class: constants only, no run's data
    }

    /** The JDK's unmodifiable collections (List.of, Map.of, Collections.unmodifiable..., empty and singleton). */
    private static boolean immutable(Object value) {
        String name = value.getClass().getName();
        return name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty") || name.startsWith("java.util.Collections$Singleton")
                || value instanceof Enum<?> || value instanceof String || value.getClass().isRecord()
                || value.getClass().getName().startsWith("org.freshears.") && !(value instanceof Collection<?>)
                        && !(value instanceof Map<?, ?>) && Set.of().getClass() != value.getClass();
    }
}
