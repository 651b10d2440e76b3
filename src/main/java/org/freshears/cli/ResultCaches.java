package org.freshears.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.freshears.session.DiskResultCache;
import org.freshears.session.MemoryResultCache;
import org.freshears.session.ResultCache;

/**
 * The result caches the commands use: {@code run}'s on disk, the kernel's in memory; {@code replay} uses
 * none (it proves the bits by rendering them).
 */
final class ResultCaches {
    /** The environment variable that moves the disk cache to a folder, or turns it {@value #OFF}. */
    static final String ENV = "FRESHEARS_CACHE";
    static final String OFF = "off";
    static final long DEFAULT_MAX_MB = 2048;

    private ResultCaches() {
    }

    /**
     * {@code run}'s cache: {@code folder} if given, else {@code $FRESHEARS_CACHE}, else
     * {@code $XDG_CACHE_HOME/freshears} or {@code ~/.cache/freshears}; none with {@code --no-cache} or
     * {@code FRESHEARS_CACHE=off}.
     */
    static ResultCache forRun(boolean off, Path folder, long maxMb, Map<String, String> env, Path home) {
        String set = env.get(ENV);
        if (off || (folder == null && OFF.equalsIgnoreCase(set == null ? "" : set.strip()))) {
            return ResultCache.NONE;
        }
        if (maxMb < 0) {
            throw new IllegalArgumentException("--cache-max-mb must be >= 0, got " + maxMb);
        }
        Path where = folder != null ? folder
                : set != null && !set.isBlank() ? Path.of(set.strip()) : DiskResultCache.defaultFolder(env, home);
        return new DiskResultCache(where, namespace(), maxMb * 1024 * 1024);
    }

    /** The kernel's cache: in memory for the kernel's life, a quarter of its heap at most. */
    static ResultCache forKernel() {
        return new MemoryResultCache(namespace(), MemoryResultCache.defaultBound());
    }

    /**
     * The program build, part of every key: the version and, run from a jar, its size and time, so a jar
     * built again (with a changed algorithm, say) never reads results the last one made.
     */
    static String namespace() {
        String build = "classes";
        try {
            Path code = Path.of(ResultCaches.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                build = Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
            }
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            build = "unknown";
        }
        return "freshears " + Version.TOOL + " " + build;
    }
}
