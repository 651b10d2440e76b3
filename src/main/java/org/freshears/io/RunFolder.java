package org.freshears.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run's output folder, which always holds one run's files: all of the last finished run, never a mix of
 * two runs nor half of one. A run writes into a hidden staging folder beside the target (same parent, so a
 * path relative to the output folder means the same inside it); {@link #commit} lists what the run wrote in
 * a manifest ({@value #MANIFEST}) and then puts the new files in place of the old ones:
 * <ul>
 * <li>when the folder holds only files an earlier run wrote (its manifest names them), the staging folder
 * takes the target's place by two renames, and the old folder is deleted;</li>
 * <li>when it also holds files freshears did not write (the user's, or inputs of this run), those stay where
 * they are: the previous run's files are deleted and the new ones moved in one by one, the manifest last.</li>
 * </ul>
 * A run that fails or is killed before its commit leaves the old set untouched; the next run deletes its
 * staging folder. A staging folder whose manifest is complete (killed during the commit) is committed by the
 * next run instead. Only names this class or {@link AtomicFile} makes are ever removed, and only those of a
 * process that is no longer running, so concurrent runs keep their work.
 */
public final class RunFolder {
    /** The list of files a run wrote, relative to its folder, '/'-separated, one per line; written last. */
    public static final String MANIFEST = ".freshears-files";
    private static final String STAGING = "staging";
    private static final String RETIRED = "retired";
    /** ".<target name>.freshears-staging-<pid>" or "-retired-<pid>-<nonce>". */
    private static final Pattern OWN_FOLDER = Pattern.compile("^\\.(.+)\\.freshears-(" + STAGING + "|" + RETIRED
            + ")-(\\d{1,19})(?:-[0-9a-f]+)?$");

    private final Path target;
    private final Path staging;
    private boolean finished;

    private RunFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Cleans what killed runs left beside and inside the target, and makes a fresh staging folder for this
     * run. Nothing is written into the target itself until {@link #commit}.
     */
    public static RunFolder open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IOException(target + ": cannot be an output folder (a file-system root)");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "is a file, not a folder; choose another --out");
        }
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(e.getFile(), null, "is a file, not a folder");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(parent.toString(), null, "cannot create the output folder here");
        }
        recoverLeftovers(absolute);
        Path staging = parent.resolve(ownName(absolute, STAGING, ""));
        deleteTree(staging); // only ever a dead run's of the same pid (after a pid was reused)
        try {
            Files.createDirectory(staging);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(parent.toString(), null, "cannot write in this folder (for --out "
                    + target + ")");
        } catch (FileSystemException e) {
            throw new FileSystemException(parent.toString(), null, "cannot write in this folder (for --out " + target
                    + "): " + e.getReason());
        }
        return new RunFolder(absolute, staging);
    }

    /** Where this run writes everything it makes. */
    public Path staging() {
        return staging;
    }

    /** The output folder the run's files end up in. */
    public Path target() {
        return target;
    }

    /** Where a file written into the staging folder will be once committed (for messages). */
    public Path finalPath(Path stagedFile) {
        Path p = stagedFile.toAbsolutePath().normalize();
        return p.startsWith(staging) ? target.resolve(staging.relativize(p)) : stagedFile;
    }

    /**
     * Puts this run's files in place of the previous run's.
     *
     * @param inputs files this run read (the mix, the notebook): never replaced, moved or deleted
     */
    public void commit(Collection<Path> inputs) throws IOException {
        if (finished) {
            throw new IllegalStateException("already committed or abandoned");
        }
        Set<String> files = relativeFiles(staging);
        files.remove(MANIFEST);
        Set<Path> protectedInputs = new LinkedHashSet<>();
        for (Path input : inputs) {
            protectedInputs.add(realOrAbsolute(input));
        }
        for (String file : files) {
            Path destination = target.resolve(file);
            if (protectedInputs.contains(realOrAbsolute(destination))) {
                throw new FileAlreadyExistsException(destination.toString(), null,
                        "is an input of this run; not replaced (render to another name)");
            }
        }
        AtomicFile.write(staging.resolve(MANIFEST), String.join("\n", files).concat("\n")
                .getBytes(StandardCharsets.UTF_8));
        // From here the staging folder is a complete run: if the commit stops half way, the next run
        // finishes it rather than deleting it.
        finished = true;
        finish(target, staging, protectedInputs);
    }

    /** Deletes the staging folder: the output folder keeps the previous run's files. */
    public void abandon() {
        if (!finished) {
            finished = true;
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // The run's own fault is what matters; the next run removes what is left.
            }
        }
    }

    /** Puts a complete staging folder (its manifest written) in place; also how a killed commit is finished. */
    private static void finish(Path target, Path staging, Set<Path> inputs) throws IOException {
        Set<String> previous = readManifest(target);
        if (onlyOwnFiles(target, previous, inputs)) {
            swap(target, staging);
        } else {
            moveIn(target, staging, previous, inputs);
        }
    }

    /** Two renames; a concurrent run's commit in between makes a rename fail, and it is tried again. */
    private static void swap(Path target, Path staging) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path retired = target.resolveSibling(ownName(target, RETIRED, "-" + Long.toHexString(System.nanoTime())));
            try {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(target, retired, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(retired);
                return;
            } catch (NoSuchFileException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /** The previous run's files out, this run's in one by one, the manifest last: the user's files stay. */
    private static void moveIn(Path target, Path staging, Set<String> previous, Set<Path> inputs) throws IOException {
        Files.createDirectories(target);
        Set<String> files = relativeFiles(staging);
        files.remove(MANIFEST);
        for (String old : previous) {
            Path file = target.resolve(old).normalize();
            if (!files.contains(old) && file.startsWith(target) && !inputs.contains(realOrAbsolute(file))
                    && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
        }
        for (String file : files) {
            Path destination = target.resolve(file);
            Files.createDirectories(destination.getParent());
            Files.move(staging.resolve(file), destination, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(staging.resolve(MANIFEST), target.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        deleteTree(staging);
        removeEmptyFolders(target, previous);
    }

    /**
     * Whether the target is missing or holds nothing but files the previous run listed (and this class's or
     * AtomicFile's leftovers), and is not the working folder: then the folder as a whole may be replaced.
     */
    private static boolean onlyOwnFiles(Path target, Set<String> previous, Set<Path> inputs) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                || Path.of("").toAbsolutePath().startsWith(target)) {
            return false;
        }
        for (String file : relativeFiles(target)) {
            Path path = target.resolve(file);
            if (!(file.equals(MANIFEST) || previous.contains(file) || AtomicFile.isLeftover(path))
                    || inputs.contains(realOrAbsolute(path))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What killed runs left: staging folders of dead processes are committed when complete (killed during
     * the commit) and deleted otherwise; retired folders are deleted once the target exists (or put back
     * when the kill came between the two renames of a swap); AtomicFile's temporary files are deleted.
     */
    static void recoverLeftovers(Path target) throws IOException {
        List<Path> stagings = new ArrayList<>();
        List<Path> retireds = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                Matcher m = OWN_FOLDER.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(target.getFileName().toString()) && deadProcess(m.group(3))
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    (m.group(2).equals(STAGING) ? stagings : retireds).add(p);
                }
            }
        }
        for (Path staged : stagings) {
            if (Files.isRegularFile(staged.resolve(MANIFEST))) {
                finish(target, staged, Set.of());
            } else {
                deleteTree(staged);
            }
        }
        for (Path retired : retireds) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(retired);
            } else {
                Files.move(retired, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            for (String file : relativeFiles(target)) {
                Path path = target.resolve(file);
                if (AtomicFile.isLeftover(path)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static boolean deadProcess(String pid) {
        try {
            long id = Long.parseLong(pid);
            return id != ProcessHandle.current().pid() && ProcessHandle.of(id).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String ownName(Path target, String kind, String suffix) {
        return "." + target.getFileName() + ".freshears-" + kind + "-" + ProcessHandle.current().pid() + suffix;
    }

    private static Set<String> readManifest(Path target) throws IOException {
        Path manifest = target.resolve(MANIFEST);
        Set<String> names = new TreeSet<>();
        if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                // A name that climbs out of the folder is not one this class wrote: ignored.
                if (!line.isBlank() && !line.startsWith("/") && !line.contains("..")) {
                    names.add(line);
                }
            }
        }
        return names;
    }

    /** Every file and symbolic link under the folder (links not followed), relative, '/'-separated, sorted. */
    private static Set<String> relativeFiles(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> names.add(folder.relativize(p).toString().replace('\\', '/')));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return names;
    }

    /** Folders the previous run's files were in that are empty now (charts/ of a run that drew none). */
    private static void removeEmptyFolders(Path target, Set<String> previous) throws IOException {
        for (String old : previous) {
            for (Path dir = target.resolve(old).getParent(); dir != null && dir.startsWith(target)
                    && !dir.equals(target); dir = dir.getParent()) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !isEmpty(dir)) {
                    break;
                }
                Files.delete(dir);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static Path realOrAbsolute(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * The file that {@code stagedFile}, written into this process's staging folder, will replace when the run is
     * committed: the same name in the output folder, as the run before left it; empty when there is no such
     * regular file (or the file is not in a staging folder of this process). A writer may keep that file's
     * bytes instead of writing the same bytes again ({@link AtomicFile#linkIfSame}).
     */
    public static java.util.Optional<Path> previousOf(Path stagedFile) {
        Path file = stagedFile.toAbsolutePath().normalize();
        for (Path folder = file.getParent(); folder != null && folder.getFileName() != null;
                folder = folder.getParent()) {
            Matcher m = OWN_FOLDER.matcher(folder.getFileName().toString());
            if (m.matches() && m.group(2).equals(STAGING)
                    && m.group(3).equals(Long.toString(ProcessHandle.current().pid()))) {
                Path previous = folder.resolveSibling(m.group(1)).resolve(folder.relativize(file));
                return Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS) ? java.util.Optional.of(previous)
                        : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Writes {@code stagedFile} with the parts one after another, unless the run before left exactly those bytes
     * under its name ({@link #previousOf}): that file is then linked into place ({@link AtomicFile#linkIfSame}), not
     * written and flushed to disk again. An unchanged notebook's re-run makes most of its files again byte for byte
     * (its charts above all: forty files, each flushed, took a third of a second of the cached four-step run).
     */
    public static void writeOrKeep(Path stagedFile, byte[]... parts) throws IOException {
        writeOrKeep(stagedFile, previous -> true, parts);
    }

    /**
     * The same, linking the run before's file only when {@code linkable} allows it (a master is never linked from
     * a file that is one of the run's inputs).
     */
    public static void writeOrKeep(Path stagedFile, java.util.function.Predicate<Path> linkable, byte[]... parts)
            throws IOException {
        java.util.Optional<Path> previous = previousOf(stagedFile).filter(linkable);
        if (previous.isEmpty() || !AtomicFile.linkIfSame(stagedFile, previous.get(), parts)) {
            AtomicFile.write(stagedFile, parts);
        }
    }

    /**
     * Deletes a folder and everything in it (one this class named; the benchmark's and the class-data training's
     * scratch); links are removed, never followed.
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
