/**
 * Files, safely: {@code AtomicFile} (every output is written beside its target and moved into place) and
 * {@code FileHashes} (the SHA-256 that names a mix or a master).
 *
 * <p>May use nothing of ours.
 */
package org.freshears.io;
