/**
 * {@code session.json}: the immutable record of a session, its strict reading and writing (explicit type
 * registries, never a class named by the file), its faults as one-line messages, and {@code Replay},
 * which renders every recorded output again from the file alone.
 *
 * <p>May use {@code session}, {@code chain}, {@code checklist}, {@code measure}, {@code audio} and
 * {@code io}, and {@code media} to read the mix again ({@code AudioFiles}); {@code session} never uses it.
 */
package org.freshears.session.file;
