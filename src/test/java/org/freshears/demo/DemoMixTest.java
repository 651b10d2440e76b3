package org.freshears.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.chain.ProcessorContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo mix is reproducible to the bit and its planted problems are where {@link DemoMix#describe}
 * says, measured from the outside (RMS, FFT band energy, BS.1770 loudness).
 */
class DemoMixTest {
    private static final DemoMixSpec SAMPLE = DemoMixSpec.sample();
    private static AudioBuffer mix;
    private static DemoMixStructure structure;
    private static SongSection verse;
    private static SongSection chorus;

    @BeforeAll
    static void render() {
        mix = DemoMix.generate(SAMPLE);
        structure = DemoMix.describe(SAMPLE);
        verse = structure.sections(SectionKind.VERSE).get(0);
        chorus = structure.sections(SectionKind.CHORUS).get(0);
    }

    @Test
    void sameSpecGivesSameBits() {
        assertEquals(ProcessorContract.sha256(mix), ProcessorContract.sha256(DemoMix.generate(SAMPLE)));
    }

    @Test
    void goldenHashesArePinned() {
        // Pinned on JDK 17; any change to the song, the synthesis or the arithmetic order changes them.
        // 8 s is intro + outro (pad, hats, kick, bass); the 32 s sample adds verse and chorus.
        AudioBuffer shortMix = DemoMix.generate(new DemoMixSpec(48_000, 8.0, DemoMixSpec.DEFAULT_SEED));
        assertEquals("d02d302f4c063e22a487104c3559659152877041244e7fa404423ddbbb708dea",
                ProcessorContract.sha256(shortMix));
        assertEquals("534d6a5252f3d9650794383d9cb5300ab515dbaaf01b4fac6d421770614caa6c", ProcessorContract.sha256(mix));
    }

    @Test
    void chunkLengthDoesNotChangeTheBits() {
        DemoMixSpec spec = new DemoMixSpec(44_100, 9.0, 7);
        AudioBuffer reference = DemoMix.generate(spec, MixFlaws.PLANTED, Mixer.DEFAULT_CHUNK_FRAMES);
        for (int chunk : new int[] {1, 37, 4096}) {
            ProcessorContract.assertSameBits(reference, DemoMix.generate(spec, MixFlaws.PLANTED, chunk),
                    "chunks of " + chunk);
        }
    }

    @Test
    void seedChangesTheNoiseNotTheSong() {
        DemoMixSpec a = new DemoMixSpec(48_000, 6.0, 1);
        DemoMixSpec b = new DemoMixSpec(48_000, 6.0, 2);
        assertNotEquals(ProcessorContract.sha256(DemoMix.generate(a)), ProcessorContract.sha256(DemoMix.generate(b)));
        assertEquals(DemoMix.describe(a), DemoMix.describe(b));
    }

    @Test
    void bufferHasTheSpecsRateLengthAndChannels() {
        assertEquals(48_000, mix.sampleRate());
        assertEquals(32 * 48_000, mix.frames());
        assertEquals(ChannelLayout.standard(2), mix.layout());
        AudioBuffer odd = DemoMix.generate(new DemoMixSpec(44_100, 2.5, 3));
        assertEquals(44_100, odd.sampleRate());
        assertEquals(110_250, odd.frames());
        assertEquals(2, odd.channels());
    }

    @Test
    void samplePeakIsHotButBelowFullScale() {
        double peakDb = MixMeasure.samplePeakDb(mix);
        System.out.printf("sample peak %.3f dBFS%n", peakDb);
        assertTrue(peakDb >= -0.5 && peakDb <= -0.05, "peak " + peakDb);
        assertTrue(MixMeasure.maxAbs(mix) < 1.0);
    }

    @Test
    void theAccentedHitsAreThePeaks() {
        List<PlantedProblem> hits = structure.problems(DemoMix.HOT_PEAK);
        assertEquals(List.of(16.0, 24.0), hits.stream().map(PlantedProblem::startSeconds).toList(),
                "kick + snare accents on the chorus entry and midpoint");
        double loudestDb = Double.NEGATIVE_INFINITY;
        double quietestDb = 0;
        double outsideDb = peakDb(0, hits.get(0).startSeconds());
        for (int h = 0; h < hits.size(); h++) {
            PlantedProblem hit = hits.get(h);
            double hitDb = peakDb(hit.startSeconds(), hit.endSeconds());
            double next = h + 1 < hits.size() ? hits.get(h + 1).startSeconds() : SAMPLE.durationSeconds();
            outsideDb = Math.max(outsideDb, peakDb(hit.endSeconds(), next));
            System.out.printf("accent at %.3f s peaks %.2f dBFS%n", hit.startSeconds(), hitDb);
            loudestDb = Math.max(loudestDb, hitDb);
            quietestDb = Math.min(quietestDb, hitDb);
        }
        System.out.printf("peak outside the accents %.2f dBFS%n", outsideDb);
        assertEquals(DemoMix.SAMPLE_PEAK_DBFS, loudestDb, 1e-4, "the loudest sample is in an accented hit");
        // Measured on the 32 s sample: the loudest other moment (a chorus backbeat) peaks at -0.38 dBFS, so
        // the mix has several hits near full scale, with the accent on top.
        assertTrue(quietestDb >= -1.5, "every accent comes close to full scale, the quietest " + quietestDb);
        assertTrue(outsideDb < loudestDb - 0.1, "the accent is the peak, peak outside " + outsideDb);
    }

    @Test
    void chorusIsLouderThanVerse() {
        double verseDb = MixMeasure.rmsDb(mix, verse.startSeconds(), verse.endSeconds());
        double chorusDb = MixMeasure.rmsDb(mix, chorus.startSeconds(), chorus.endSeconds());
        System.out.printf("RMS verse %.2f, chorus %.2f, difference %.2f dB%n", verseDb, chorusDb, chorusDb - verseDb);
        // Measured: verse -19.16, chorus -15.73 dBFS RMS: +3.43 dB.
        assertTrue(chorusDb - verseDb >= 2.5 && chorusDb - verseDb <= 5, "chorus - verse " + (chorusDb - verseDb));
    }

    @Test
    void cymbalsAreHarshInTheChorusOnly() {
        double verseDb = MixMeasure.bandDb(mix, verse.startSeconds(), verse.endSeconds(), 5_000, 9_000);
        double chorusDb = MixMeasure.bandDb(mix, chorus.startSeconds(), chorus.endSeconds(), 5_000, 9_000);
        System.out.printf("5-9 kHz chorus - verse %.2f dB%n", chorusDb - verseDb);
        // Measured: +9.26 dB.
        assertTrue(chorusDb - verseDb >= 6, "5-9 kHz chorus - verse " + (chorusDb - verseDb));
        assertEquals(List.of(chorus.startSeconds()),
                structure.problems(DemoMix.HARSH_CYMBALS).stream().map(PlantedProblem::startSeconds).toList());
    }

    @Test
    void lowMidsAreBuiltUp() {
        AudioBuffer flat = DemoMix.generate(SAMPLE, MixFlaws.NONE);
        double mixTilt = lowMidOverNextOctaveDb(mix);
        double flatTilt = lowMidOverNextOctaveDb(flat);
        // Pink noise has equal power per octave, so 180-400 Hz (1.15 octaves) over 400-800 Hz is +0.61 dB.
        double pinkTilt = 10 * Math.log10(Math.log(400 / 180.0) / Math.log(2));
        System.out.printf("180-400 over 400-800 Hz: mix %.2f dB, flat mix %.2f dB, pink %.2f dB%n", mixTilt, flatTilt,
                pinkTilt);
        // Measured: mix +3.39 dB, flat mix -4.09 dB (the bell adds 7.5 dB), pink +0.61 dB (mix is 2.8 dB above).
        assertTrue(mixTilt - flatTilt >= 5, "vs flat " + (mixTilt - flatTilt));
        assertTrue(mixTilt - pinkTilt >= 1.5, "vs pink " + (mixTilt - pinkTilt));
    }

    @Test
    void loudnessIsThatOfAnUnmasteredMix() {
        double rmsDb = MixMeasure.rmsDb(mix, 0, SAMPLE.durationSeconds());
        double lufs = MixMeasure.integratedLufs(mix);
        System.out.printf("RMS %.2f dBFS, integrated %.2f LUFS%n", rmsDb, lufs);
        // Measured: -17.89 dBFS RMS, -15.37 LUFS: a dynamic, unmastered mix.
        assertTrue(rmsDb >= -18.5 && rmsDb <= -15, "RMS " + rmsDb);
        assertTrue(lufs >= -16 && lufs <= -12, "integrated " + lufs);
    }

    @Test
    void sampleStructureIsIntroVerseChorusOutro() {
        List<SongSection> sections = structure.sections();
        assertEquals(List.of(SectionKind.INTRO, SectionKind.VERSE, SectionKind.CHORUS, SectionKind.OUTRO),
                sections.stream().map(SongSection::kind).toList());
        assertEquals(List.of(0.0, 4.0, 16.0, 28.0), sections.stream().map(SongSection::startSeconds).toList());
        assertEquals(32.0, sections.get(3).endSeconds());
        assertEquals(120.0, structure.tempoBpm());
        PlantedProblem mud = structure.problems(DemoMix.LOW_MID_BUILD_UP).get(0);
        assertEquals(List.of(0.0, 32.0, 180.0, 400.0),
                List.of(mud.startSeconds(), mud.endSeconds(), mud.lowHz(), mud.highHz()));
        assertEquals(List.of(16.0), structure.problems(DemoMix.LOUD_CHORUS).stream()
                .map(PlantedProblem::startSeconds).toList());
    }

    @Test
    void longerSongsLoopVerseAndChorusThenFadeInTheOutro() {
        DemoMixStructure fourMinutes = DemoMix.describe(DemoMixSpec.benchmark());
        assertEquals(10, fourMinutes.sections(SectionKind.VERSE).size());
        assertEquals(9, fourMinutes.sections(SectionKind.CHORUS).size());
        assertEquals(new SongSection(SectionKind.CHORUS, 9, 104, 208.0, 220.0),
                fourMinutes.sections(SectionKind.CHORUS).get(8));
        assertEquals(new SongSection(SectionKind.OUTRO, 1, 116, 232.0, 240.0),
                fourMinutes.sections(SectionKind.OUTRO).get(0));
        assertEquals(9, fourMinutes.problems(DemoMix.HARSH_CYMBALS).size());
        assertEquals(18, fourMinutes.problems(DemoMix.HOT_PEAK).size());
    }

    @Test
    void fourMinutesRenderToTheExactLength() {
        // Speed is measured by `freshears bench` (whole processes), not asserted in tests.
        AudioBuffer fourMinutes = DemoMix.generate(DemoMixSpec.benchmark());
        assertEquals(240 * 48_000, fourMinutes.frames());
    }

    @Test
    void specRejectsWhatItCannotRender() {
        assertEquals("sampleRate must be within [22050, 384000], got 8000",
                assertThrows(IllegalArgumentException.class, () -> new DemoMixSpec(8_000, 10, 1)).getMessage());
        assertEquals("durationSeconds must be within (0, 3600], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new DemoMixSpec(48_000, 0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DemoMixSpec(48_000, Double.NaN, 1));
    }

    private static double lowMidOverNextOctaveDb(AudioBuffer buffer) {
        double seconds = buffer.durationSeconds();
        return MixMeasure.bandDb(buffer, 0, seconds, 180, 400) - MixMeasure.bandDb(buffer, 0, seconds, 400, 800);
    }

    private static double peakDb(double fromSeconds, double toSeconds) {
        AudioBuffer span = mix.slice((int) Math.round(fromSeconds * mix.sampleRate()),
                (int) Math.round(toSeconds * mix.sampleRate()));
        return MixMeasure.samplePeakDb(span);
    }
}
