/**
 * The Jupyter kernel: the messaging protocol 5.3 over ZeroMQ (JeroMQ) with HMAC-SHA256 signing, a
 * notebook's cells run in a {@code LiveNotebook} and their outputs sent as mime bundles, and the
 * kernelspec that tells Jupyter how to start it.
 *
 * <p>May use {@code notebook}, {@code session} and {@code io}.
 */
package org.freshears.kernel;
