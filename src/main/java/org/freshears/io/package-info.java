/**
 * Files, safely: {@code AtomicFile} (every output is written beside its target and moved into place) and
 * {@code FileHashes} (the SHA-256 that names a mix or a master), and {@code TaskResult} (work started on another
 * thread, such as a mix read ahead or files written beside the report, waited for through interrupts).
 *
 * <p>May use nothing of ours.
 */
package org.freshears.io;
