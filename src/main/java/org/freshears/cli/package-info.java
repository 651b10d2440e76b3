/**
 * The command line, the only door in: picocli commands ({@code run}, {@code replay}, {@code analyze},
 * {@code shell}, {@code demo}), their error reporting and exit statuses, the progress bar, and what a run
 * writes into its output folder.
 *
 * <p>May use every package; nothing uses it.
 */
package org.freshears.cli;
