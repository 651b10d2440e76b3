package org.freshears.session;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * A {@link ResultCache} in a folder, for {@code freshears run}: one file per result, named by its key.
 *
 * <p>Safe to delete at any moment, whole or in part: a missing entry is a miss. A result is written to a
 * temporary file beside its place and moved there whole, so a crash mid-write leaves nothing a reader
 * trusts (the temporary file is removed by a later run). An entry holds its full key and a CRC-32C of
 * everything after the header; an entry whose key, checksum or contents do not check out is ignored and
 * removed. The least recently used entries (by modification time, touched on every hit) go once the
 * folder holds more than its bound. Any fault of the folder (full, read-only) only costs the cache: the
 * work is done and its result returned as without one.
 */
public final class DiskResultCache implements ResultCache {
    private static final byte[] MAGIC = "freshears-cache 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".entry";
    /** A temporary file older than this belongs to a run that ended without moving it: removed. */
    private static final long STALE_TEMP_MILLIS = 60 * 60 * 1000;
    /** Entries from this size on are mapped, not read: below it a mapping costs more than the copy it saves. */
    private static final long MAP_FROM_BYTES = 1 << 20;

    private final Path folder;
    private final String namespace;
    private final long maxBytes;

    /**
     * @param folder where the entries live (made when first needed)
     * @param namespace the program build ({@link ResultCache#namespace})
     * @param maxBytes what the entries may add up to on disk
     */
    public DiskResultCache(Path folder, String namespace, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.folder = folder;
        this.namespace = namespace;
        this.maxBytes = maxBytes;
    }

    /**
     * Where {@code run} keeps its cache: {@code $XDG_CACHE_HOME/freshears}, else {@code ~/.cache/freshears}.
     */
    public static Path defaultFolder(java.util.Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("freshears");
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        if (key == null || !validKey(key)) {
            return null;
        }
        Path file = fileOf(key);
        Object value;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            value = decode(contents(channel), key);
        } catch (CacheCodec.Unreadable e) {
            discard(file); // corrupt, cut short, or another key's: never trusted, and not read again
            return null;
        } catch (IOException | RuntimeException | OutOfMemoryError | InternalError e) {
            // Missing (the usual miss), unreadable, too big to read now, or cut short under the mapping
            // (InternalError: a mapped page that is no longer there).
            return null;
        }
        if (!type.isInstance(value)) {
            return null;
        }
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis())); // recently used
        } catch (IOException e) {
            // Removed meanwhile, or a read-only folder: the value read is good all the same.
        }
        return type.cast(value);
    }

    /** An entry's file is there (it is checked only when read). */
    @Override
    public boolean holds(String key) {
        return key != null && validKey(key) && Files.isRegularFile(fileOf(key));
    }

    /**
     * An entry's bytes: a large one (a step's audio, a listening file's FLAC) mapped, so its samples are copied
     * once, from the file's pages straight into the arrays decoded from them, with no array of the whole entry
     * in between; a small one read.
     */
    private static ByteBuffer contents(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE) {
            throw new IOException("an entry of " + size + " bytes"); // never written by this cache
        }
        if (size >= MAP_FROM_BYTES) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
            // until full or at the end
        }
        return bytes.flip();
    }

    @Override
    public void put(String key, Object value) {
        if (key == null || value == null || !validKey(key)) {
            return;
        }
        Path file = fileOf(key);
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), "." + key.substring(0, 16), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                encode(key, value, Channels.newOutputStream(channel));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            trim();
        } catch (IOException | RuntimeException e) {
            // Not cached (a full disk, a value the codec cannot write): the result stands without it.
        } finally {
            if (temp != null) {
                discard(temp);
            }
        }
    }

    /** Writes an entry: magic, key, then the value, then the CRC-32C of key and value. */
    static void encode(String key, Object value, OutputStream target) throws IOException {
        CRC32C crc = new CRC32C();
        BufferedOutputStream buffered = new BufferedOutputStream(target, 1 << 16);
        buffered.write(MAGIC);
        DataOutputStream checked = new DataOutputStream(new CheckedOutputStream(buffered, crc));
        checked.write(key.getBytes(StandardCharsets.US_ASCII));
        CacheCodec.write(value, checked);
        checked.flush();
        DataOutputStream trailer = new DataOutputStream(buffered);
        trailer.writeLong(crc.getValue());
        trailer.flush();
    }

    /** Reads an entry back (all its bytes, from 0), checking its magic, key and checksum before decoding anything. */
    static Object decode(ByteBuffer bytes, String key) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        int body = MAGIC.length;
        int length = bytes.limit();
        if (length < body + keyBytes.length + 1 + Long.BYTES || !startsWith(bytes, 0, MAGIC)) {
            throw new CacheCodec.Unreadable("not a cache entry");
        }
        int end = length - Long.BYTES;
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().limit(end).position(body));
        if (crc.getValue() != bytes.order(java.nio.ByteOrder.BIG_ENDIAN).getLong(end)) {
            throw new CacheCodec.Unreadable("checksum mismatch");
        }
        if (!startsWith(bytes, body, keyBytes)) {
            throw new CacheCodec.Unreadable("another key's entry");
        }
        ByteBuffer value = bytes.duplicate().limit(end).position(body + keyBytes.length).slice();
        Object decoded = CacheCodec.read(value);
        if (value.hasRemaining()) {
            throw new CacheCodec.Unreadable(value.remaining() + " bytes after the value");
        }
        return decoded;
    }

    private static boolean startsWith(ByteBuffer bytes, int at, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes.get(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Removes the least recently used entries until the folder fits its bound, and stale temporary files. */
    private void trim() throws IOException {
        List<Path> entries = new ArrayList<>();
        long total = 0;
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(folder)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(SUFFIX)) {
                            entries.add(f);
                            total += sizeOrZero(f);
                        } else if (name.endsWith(".tmp") && now - modifiedOrNow(f) > STALE_TEMP_MILLIS) {
                            discard(f);
                        }
                    }
                }
            }
        }
        if (total <= maxBytes) {
            return;
        }
        entries.sort(Comparator.comparingLong(DiskResultCache::modifiedOrNow));
        for (Path f : entries) {
            if (total <= maxBytes) {
                break;
            }
            total -= sizeOrZero(f);
            discard(f);
        }
    }

    private Path fileOf(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + SUFFIX);
    }

    private static boolean validKey(String key) {
        return key.length() == 64 && key.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static long sizeOrZero(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long modifiedOrNow(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    private static void discard(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // A read-only folder: the entry stays, and stays untrusted.
        }
    }
}
