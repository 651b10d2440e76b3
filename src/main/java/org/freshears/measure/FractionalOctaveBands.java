package org.freshears.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Fractional-octave bands on the base-2 grid of IEC 61260-1 (mid-band frequencies 1000·2^(k/b) Hz, edges
 * a half band either side), covering 20 Hz to 20 kHz or Nyquist. A bin belongs to the band its centre
 * falls in, so every bin is counted once.
 *
 * @param bandsPerOctave b of the 1/b-octave bands
 * @param centresHz mid-band frequencies, ascending
 */
public record FractionalOctaveBands(int bandsPerOctave, double[] centresHz) {

    public FractionalOctaveBands {
        if (bandsPerOctave < 1) {
            throw new IllegalArgumentException("bandsPerOctave must be >= 1, got " + bandsPerOctave);
        }
        centresHz = centresHz.clone();
    }

    /** The bands whose edges lie within [20 Hz, min(20 kHz, Nyquist)]. */
    public static FractionalOctaveBands covering(int bandsPerOctave, int sampleRate) {
        double top = Math.min(Spectrum.GRID_HIGH_HZ, sampleRate / 2.0);
        double half = Math.pow(2, 1 / (2.0 * bandsPerOctave));
        List<Double> centres = new ArrayList<>();
        for (int k = -10 * bandsPerOctave; k <= 5 * bandsPerOctave; k++) {
            double centre = 1000 * Math.pow(2, k / (double) bandsPerOctave);
            if (centre / half >= Spectrum.GRID_LOW_HZ * 0.999 && centre * half <= top * 1.001) {
                centres.add(centre);
            }
        }
        return new FractionalOctaveBands(bandsPerOctave, centres.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public double[] centresHz() {
        return centresHz.clone();
    }

    public int count() {
        return centresHz.length;
    }

    public double centreHz(int band) {
        return centresHz[band];
    }

    public double lowHz(int band) {
        return centresHz[band] / Math.pow(2, 1 / (2.0 * bandsPerOctave));
    }

    public double highHz(int band) {
        return centresHz[band] * Math.pow(2, 1 / (2.0 * bandsPerOctave));
    }

    /** The band each FFT bin's centre falls in, or −1 (outside every band). */
    int[] bandOfBin(int fftSize, int sampleRate) {
        int bins = FftPacking.bins(fftSize);
        int[] band = new int[bins];
        int b = 0;
        for (int k = 0; k < bins; k++) {
            double f = k * (double) sampleRate / fftSize;
            while (b < count() && f >= highHz(b)) {
                b++;
            }
            band[k] = b < count() && f >= lowHz(b) ? b : -1;
        }
        return band;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FractionalOctaveBands other && bandsPerOctave == other.bandsPerOctave
                && java.util.Arrays.equals(centresHz, other.centresHz);
    }

    @Override
    public int hashCode() {
        return 31 * bandsPerOctave + java.util.Arrays.hashCode(centresHz);
    }

    @Override
    public String toString() {
        return "FractionalOctaveBands[1/" + bandsPerOctave + " octave, " + count() + " bands]";
    }
}
