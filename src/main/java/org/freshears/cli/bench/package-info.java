/**
 * The benchmark and the launcher's helpers, apart from the user's commands: {@code bench} (whole processes
 * timed against ffmpeg), its hidden render child {@code bench-render}, and {@code cds-training}, the
 * training run of the launcher's class-data archive. The root command registers them; they reach the
 * whole command line only through what it hands them.
 *
 * <p>May use {@code audio}, {@code io}, {@code dsp}, {@code measure}, {@code chain} and {@code demo}.
 */
package org.freshears.cli.bench;
