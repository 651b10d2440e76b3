package org.freshears.testing;

import java.util.ArrayList;
import java.util.List;
import org.freshears.session.ResultCache;

/** A result cache that notes, by the type asked for, which keyed reads it found and which it missed. */
public final class CountingResultCache implements ResultCache {
    private final ResultCache inner;
    public final List<String> hits = new ArrayList<>();
    public final List<String> misses = new ArrayList<>();

    public CountingResultCache(ResultCache inner) {
        this.inner = inner;
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        T value = inner.get(key, type);
        if (key != null) { // no key: nothing could be cached, so neither a hit nor a miss
            (value == null ? misses : hits).add(type.getSimpleName());
        }
        return value;
    }

    @Override
    public void put(String key, Object value) {
        inner.put(key, value);
    }

    @Override
    public boolean holds(String key) {
        return inner.holds(key);
    }

    @Override
    public String namespace() {
        return inner.namespace();
    }

    @Override
    public boolean inMemory() {
        return inner.inMemory();
    }
}
