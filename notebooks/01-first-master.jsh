// %% [markdown]
// # Demo mix — first master
//
// The bundled sample (`samples/demo-mix.wav`) is a 32-second song printed from its mix last night:
// intro, verse (0:04), chorus (0:16), outro (0:28). This notebook is a first mastering pass from
// a first listen to a finished, checked master. Every item at the end is ticked only if a
// measurement says so.
// %%
var s = session("samples/demo-mix.wav");
s.listen("headphones, next morning, two passes at a low level");
s.note("0:04", "verse: bass and pad smear together, the low end feels thick");
s.note("0:16", "chorus entry: crash and ride are sharp, tiring after a minute");
s.note("0:24", "a snare and kick accent jumps out");
s
// %% [markdown]
// ## What I heard, as problem areas
// A problem area is a time span × a frequency band. It is measured (band level against the version's
// loudness, as heard level-matched, so loudness cannot hide it) in the mix and after every step.
// %%
var mud = s.problem("muddy low-mids", span("0:00", "0:32"), band(180, 400));
var harsh = s.problem("harsh cymbals", span("0:16", "0:28"), band(5_000, 9_000)).expect(reduceBy(2));
// %% [markdown]
// ## The chain
// Clean the lows, tame the cymbals, glue gently, then limit to a streaming loudness.
// %%
s.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(mud);
s.step("tame cymbals", bell(7_000, -4).q(1.2)).addresses(harsh);
s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
// %% [markdown]
// ## Checks, then the master
// Dynamics are checked where a limiter cannot hide them. The peak-to-short-term ratio (PSR: true peak
// over the loudest 3 s) is low when the loud parts are squashed; `.throughout()` measures it in the mix
// and after every step, because a crushed master is not done whoever crushed it, and an EQ after the
// damage can bring the peaks back. The loudness range may lose at most 2 LU of the mix's. (The
// peak-to-loudness ratio proves nothing here: a -14 LUFS target under a -1 dBTP ceiling makes it
// about 13 dB on any song.) Two deliverables: 24-bit at the mix's 48 kHz for streaming, and the CD
// master, converted to 44.1 kHz after the chain and then dithered to 16 bits; each is measured on its
// own file (a conversion moves the true peak).
// %%
s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
s.check("true peak", truePeakDbtp(), atMost(-1.0));
s.check("not crushed, mix to master", psrDb(), atLeast(8)).throughout();
s.check("kept the mix's loudness range", loudnessRangeLu(), keptFromMix(2));
s.render("demo-master.wav", wav24().dither(tpdf()));
s.render("demo-master-44k16.wav", wav16().sampleRate(44_100).dither(tpdf()));
// %% [markdown]
// ## Listen back, level-matched
// Louder always sounds better; matching the levels shows what the chain really did.
// %%
s.compare("mix", "loudness").levelMatched()
// %%
s.checklist()
