/**
 * {@code Mastering}: the one static import a notebook needs ({@code import static org.freshears.Mastering.*;}),
 * short factories for sessions, spans and bands, steps, metrics, conditions and output formats.
 *
 * <p>May use every package below {@code cli}; nothing uses it but notebook code (and tests).
 */
package org.freshears;
