// %% [markdown]
// # Night Drive EP — two songs mastered as one
//
// An EP is heard in a row: its songs must sit together. Each song gets its own listen, problem areas,
// chain and checks, as in a single master; then the album sets one gain for every song, so the EP reaches
// its loudness while the songs keep their levels against each other (what album-mode normalization and
// ReplayGain's album gain keep too), and album checks hold the songs together.
// The songs: the bundled `samples/demo-mix.wav` (120 BPM, A minor) and `samples/neon-rain.flac`, a
// slower song (96 BPM, C minor) from the same generator.
// %%
var album = album("Night Drive EP");
var drive = album.song("samples/demo-mix.wav", "Night Drive");
var rain = album.song("samples/neon-rain.flac", "Neon Rain");
album
// %% [markdown]
// ## Night Drive
// The up-tempo opener: the low mids are thick and the chorus cymbals bite. It may sit a little louder
// than the slower song, as an opener does.
// %%
var driveMud = drive.problem("muddy low-mids", span("0:00", "0:32"), band(180, 400));
var driveHarsh = drive.problem("harsh cymbals", span("0:16", "0:28"), band(5_000, 9_000)).expect(reduceBy(2));
drive.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(driveMud);
drive.step("tame cymbals", bell(7_000, -4).q(1.2)).addresses(driveHarsh);
drive.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
drive.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-13.5));
// %% [markdown]
// ## Neon Rain
// The slower song has the same mix habits (the low-mid bump, bright cymbals in its chorus from 0:15),
// and should sit about a decibel under the opener, not three.
// %%
var rainMud = rain.problem("muddy low-mids", span("0:00", "0:30"), band(180, 400));
var rainHarsh = rain.problem("bright cymbals", span("0:15", "0:25"), band(5_000, 9_000)).expect(reduceBy(2));
rain.step("clean lows", highPass(25).slope(24), bell(270, -3.5).q(1.4)).addresses(rainMud);
rain.step("soften cymbals", bell(7_000, -4).q(1.2)).addresses(rainHarsh);
rain.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14.5));
// %% [markdown]
// ## Each song's own checks
// Every song keeps its dynamics and its peaks, whatever the album does.
// %%
for (var song : List.of(drive, rain)) {
    song.check("true peak", truePeakDbtp(), atMost(-1.0));
    song.check("not crushed, mix to master", psrDb(), atLeast(8)).throughout();
    song.check("kept the mix's loudness range", loudnessRangeLu(), keptFromMix(2));
}
// %% [markdown]
// ## The album
// The album's loudness is BS.1770-4 gating over both songs' 400 ms blocks together: the EP played through.
// One gain brings it to -14.5 LUFS (a turn-down here: both songs already peak at their -1 dBTP ceiling, and
// a gain that pushed one over would be refused, naming the song). The spread, the loudest song's loudness
// minus the quietest's, must stay within 1.5 LU. (The album's loudness is not checked here: the album gain
// makes it -14.5 LUFS by construction, so such a check would prove nothing; nor the highest true peak, which a
// gain over the ceiling is refused for. Each song's own peak check above is measured.)
// %%
album.targetLufs(-14.5);
album.check("songs sit together", loudnessSpreadLu(), atMost(1.5));
album.render("masters", wav24().dither(tpdf()));
album
// %%
album.checklist()
