package org.freshears.measure;

/**
 * The frequency rows of a spectrogram: fractional-octave bands centred on 1 kHz·2^(k/b) (the base-2 band
 * centres of IEC 61260-1:2014, b bands per octave), edges a half band either side, from the first centre
 * at or above the low limit to the last at or below the high limit whose upper edge is below Nyquist.
 *
 * <p>How a row reads a calibrated power spectrum p[k] (a sine of peak amplitude A reads A² in its peak
 * bin, {@link SpectrumAnalyzer}'s scaling): a row at least as wide as the Hann window's equivalent noise
 * bandwidth (1.5 bins) sums the power of the bins it covers (each bin weighted by the part of it that lies
 * in the row) and divides by 1.5, so a sine anywhere inside the row reads A² — the Hann lobe of a sine
 * holds 1.5·A² in all (Parseval) — and noise reads its power in the row's band. A narrower row (the low
 * end, where bins are wider than the rows) reads the spectrum at its centre, interpolated between the two
 * nearest bins: a sine centred there reads A², as in the long-term spectrum.
 */
final class SpectrogramRows {
    /** The equivalent noise bandwidth of the periodic Hann window, bins (Harris 1978, table I). */
    static final double HANN_ENBW_BINS = 1.5;

    final double[] lowHz;
    final double[] centreHz;
    final double[] highHz;
    /** Row r reads bins firstBin[r] … firstBin[r] + weights[r].length − 1 with these weights. */
    final int[] firstBin;
    final double[][] weights;

    private SpectrogramRows(double[] lowHz, double[] centreHz, double[] highHz, double binHz, int bins) {
        this.lowHz = lowHz;
        this.centreHz = centreHz;
        this.highHz = highHz;
        int rows = centreHz.length;
        firstBin = new int[rows];
        weights = new double[rows][];
        for (int r = 0; r < rows; r++) {
            double lo = lowHz[r] / binHz;
            double hi = highHz[r] / binHz;
            if (hi - lo >= HANN_ENBW_BINS) {
                int first = Math.max(0, (int) Math.floor(lo + 0.5));
                int last = Math.min(bins - 1, (int) Math.ceil(hi - 0.5));
                double[] w = new double[last - first + 1];
                for (int k = first; k <= last; k++) {
                    double overlap = Math.min(hi, k + 0.5) - Math.max(lo, k - 0.5);
                    w[k - first] = Math.max(0, overlap) / HANN_ENBW_BINS;
                }
                firstBin[r] = first;
                weights[r] = w;
            } else {
                double at = centreHz[r] / binHz;
                int k0 = Math.min(bins - 2, (int) Math.floor(at));
                double frac = at - k0;
                firstBin[r] = k0;
                weights[r] = new double[] {1 - frac, frac};
            }
        }
    }

    /**
     * Rows of {@code rowsPerOctave} per octave whose centres lie in [lowHz, highHz] and whose upper edges lie
     * below Nyquist, for a spectrum of {@code bins} bins {@code binHz} apart.
     */
    static SpectrogramRows of(double lowHz, double highHz, int rowsPerOctave, int sampleRate, int fftSize) {
        if (!(lowHz > 0) || !(highHz > lowHz)) {
            throw new IllegalArgumentException("need 0 < lowHz < highHz, got " + lowHz + " and " + highHz);
        }
        if (rowsPerOctave < 1 || rowsPerOctave > 96) {
            throw new IllegalArgumentException("rowsPerOctave must be in [1, 96], got " + rowsPerOctave);
        }
        double nyquist = sampleRate / 2.0;
        double halfBand = Math.pow(2, 0.5 / rowsPerOctave);
        int first = (int) Math.ceil(rowsPerOctave * log2(lowHz / 1000) - 1e-9);
        int last = (int) Math.floor(rowsPerOctave * log2(highHz / 1000) + 1e-9);
        while (last >= first && 1000 * Math.pow(2, (double) last / rowsPerOctave) * halfBand > nyquist) {
            last--;
        }
        if (last < first) {
            throw new IllegalArgumentException("no rows between " + lowHz + " and " + highHz + " Hz below Nyquist ("
                    + nyquist + " Hz)");
        }
        int rows = last - first + 1;
        double[] lo = new double[rows];
        double[] centre = new double[rows];
        double[] hi = new double[rows];
        for (int r = 0; r < rows; r++) {
            centre[r] = 1000 * Math.pow(2, (double) (first + r) / rowsPerOctave);
            lo[r] = centre[r] / halfBand;
            hi[r] = centre[r] * halfBand;
        }
        return new SpectrogramRows(lo, centre, hi, (double) sampleRate / fftSize, FftPacking.bins(fftSize));
    }

    int count() {
        return centreHz.length;
    }

    /** Row r's power from a calibrated power spectrum. */
    double power(int r, double[] binPower) {
        double[] w = weights[r];
        int first = firstBin[r];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * binPower[first + i];
        }
        return sum;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
