package org.freshears.session.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An explicit map between the type names a session file writes and the record classes they stand for.
 * Loading a session only ever instantiates classes listed here: a file cannot name a class of its own
 * choosing (no Jackson default typing), so reading untrusted JSON cannot run arbitrary constructors.
 *
 * @param <T> the family of values (steps, conditions, expectations)
 */
final class TypeRegistry<T> {
    private final String kind;
    private final Map<String, Class<? extends T>> byName;
    private final Map<Class<?>, String> byClass = new LinkedHashMap<>();

    /**
     * @param kind what a name names, for messages: "step type"
     * @param byName names in the order they are listed in messages
     */
    TypeRegistry(String kind, Map<String, Class<? extends T>> byName) {
        this.kind = kind;
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        byName.forEach((name, type) -> {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            if (byClass.put(type, name) != null) {
                throw new IllegalArgumentException(type + " is registered twice");
            }
        });
    }

    String kind() {
        return kind;
    }

    /** The name a value is written under; a value of an unregistered class cannot be saved. */
    String nameOf(T value) {
        Objects.requireNonNull(value, "value");
        String name = byClass.get(value.getClass());
        if (name == null) {
            throw new IllegalArgumentException("no " + kind + " is registered for " + value.getClass().getName()
                    + "; add it to the registry so sessions can save it");
        }
        return name;
    }

    /** The class a name stands for, or null for an unknown name. */
    Class<? extends T> classOf(String name) {
        return byName.get(name);
    }

    Set<String> names() {
        return byName.keySet();
    }

    Map<String, Class<? extends T>> entries() {
        return byName;
    }
}
