package org.freshears.session;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.freshears.audio.AudioBuffer;

/**
 * A {@link ResultCache} in memory, for one kernel's life (it belongs to the notebook the kernel serves, not
 * to the JVM): the least recently used results are forgotten once their sizes add up past the bound.
 * Thread-safe.
 */
public final class MemoryResultCache implements ResultCache {
    private record Entry(Object value, long bytes) {
    }

    private final String namespace;
    private final long maxBytes;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true); // access order: LRU first
    private long usedBytes;

    /**
     * @param namespace the program build ({@link ResultCache#namespace})
     * @param maxBytes what the kept results may add up to; a larger one is not kept
     */
    public MemoryResultCache(String namespace, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.namespace = namespace;
        this.maxBytes = maxBytes;
    }

    /** A bound for a kernel: a quarter of the largest heap this JVM may grow to. */
    public static long defaultBound() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    @Override
    public synchronized <T> T get(String key, Class<T> type) {
        if (key == null) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null || !type.isInstance(entry.value())) {
            return null;
        }
        Object value = entry.value();
        return type.cast(ownCopy(value));
    }

    @Override
    public void put(String key, Object value) {
        if (key == null || value == null) {
            return;
        }
        Object kept = ownCopy(value); // outside the lock: bytes may be megabytes
        long bytes = sizeOf(kept);
        if (bytes > maxBytes) {
            return;
        }
        synchronized (this) {
            Entry old = entries.put(key, new Entry(kept, bytes));
            usedBytes += bytes - (old == null ? 0 : old.bytes());
            Iterator<Entry> eldest = entries.values().iterator();
            while (usedBytes > maxBytes && eldest.hasNext()) {
                usedBytes -= eldest.next().bytes();
                eldest.remove();
            }
        }
    }

    @Override
    public synchronized boolean holds(String key) {
        return key != null && entries.containsKey(key);
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    /** How many results are kept. */
    public synchronized int size() {
        return entries.size();
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    /**
     * What may be changed after it is handed over is copied: an array of bytes. The rest is kept and handed out
     * as it is, since nothing changes it: a version's audio never changes once made ({@link
     * org.freshears.chain.Renderer#run} renders over a copy of its input), and a limiter's peaks only grow, which
     * leaves every render reading them the same bits ({@link org.freshears.chain.LimiterPeaks}). So a step found
     * here costs no copy of its audio (92 MB for 4 minutes of stereo, and as long again to fault fresh memory in).
     */
    private static Object ownCopy(Object value) {
        return value instanceof byte[] b ? b.clone() : value;
    }

    /** A step's audio counts by its samples, bytes by their length; other results are small. */
    static long sizeOf(Object value) {
        if (value instanceof AudioBuffer a) {
            return 4L * a.frames() * a.channels() + 1024;
        }
        if (value instanceof org.freshears.chain.LimiterPeaks p) {
            return p.sizeBytes();
        }
        if (value instanceof StepResult r) {
            return r.sizeBytes();
        }
        if (value instanceof WrittenWav w) {
            return w.bytes().length + 1024L;
        }
        if (value instanceof byte[] b) {
            return b.length + 64L;
        }
        if (value instanceof String s) {
            return 2L * s.length() + 64;
        }
        if (value instanceof org.freshears.measure.Analysis a) {
            long spectrum = a.hasSpectrum() ? 8L * a.spectrum().bins() * (a.channels() + 2) : 0;
            return spectrum + 16L * a.loudness().historyLength() + 4096;
        }
        return 1024;
    }
}
