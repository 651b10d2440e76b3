package org.freshears.session;

/**
 * Results worth keeping between runs of the same work, by content address: a step's render, an analysis,
 * a listening file's bytes, a chart's bytes. A key is the SHA-256 of everything the result depends on
 * ({@link CacheKeys}), so a result is found only for exactly the input and settings that made it, and what
 * a cache returns is the same as the work would give again. A cache may forget anything at any moment
 * (bounded size, a deleted folder); a corrupt or foreign entry reads as missing. Never used by a replay,
 * which proves the bits by rendering them.
 */
public interface ResultCache {
    /** No cache: every result is worked out. */
    ResultCache NONE = new ResultCache() {
        @Override
        public <T> T get(String key, Class<T> type) {
            return null;
        }

        @Override
        public void put(String key, Object value) {
        }

        @Override
        public boolean holds(String key) {
            return false;
        }

        @Override
        public String namespace() {
            return "";
        }
    };

    /**
     * The value stored under {@code key} if it is a {@code type}, else null. The caller may change what it
     * gets (a step's audio is processed in place by the next step): the cache keeps its own.
     */
    <T> T get(String key, Class<T> type);

    /** Keeps {@code value} under {@code key} (the cache keeps a copy of mutable audio, or its bytes). */
    void put(String key, Object value);

    /**
     * Part of every key: the program that made the results (its version and build), so a rebuilt program
     * never reads what another made.
     */
    String namespace();

    /**
     * Whether a result is kept under {@code key} now, without reading it: a later {@link #get} may still miss
     * (the entry removed or found corrupt meanwhile), so the caller must be able to work the result out then.
     */
    default boolean holds(String key) {
        return get(key, Object.class) != null;
    }

    /**
     * Whether this cache keeps the very objects it is given, in memory, for the life of the process (a kernel's):
     * then a result too large to be worth writing and that grows as it is used (a limiter's detected peaks) may be
     * kept in it. False for a cache on disk and for none.
     */
    default boolean inMemory() {
        return false;
    }

    /** True unless this is {@link #NONE}. */
    default boolean enabled() {
        return this != NONE;
    }
}
