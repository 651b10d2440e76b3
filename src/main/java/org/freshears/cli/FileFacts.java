package org.freshears.cli;

import java.nio.file.Path;
import org.freshears.audio.WavFormat;
import org.freshears.measure.Analysis;

/** One analysed file: where it is, how it is stored, and what it measures. */
record FileFacts(Path file, WavFormat format, Analysis analysis) {
}
