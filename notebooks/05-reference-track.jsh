// %% [markdown]
// # Demo mix — against a reference track
//
// Compare with a record you love, at the same loudness: every self-mastering guide says it. The bundled
// reference (`samples/reference-master.flac`) is a loud, bright commercial-style master of another take of the
// demo song (see `samples/README.md`): 16 s of it, its chorus from 0:04, which is what we measure (the mix's
// own chorus runs 0:16-0:28).
// %%
var s = session("samples/demo-mix.wav");
var ref = s.reference("samples/reference-master.flac", span("0:04", "0:16"));
var chorus = s.section("chorus", "0:16", "0:28");
ref
// %% [markdown]
// ## The mix against it, level-matched
// The reference is moved to the mix's loudness: what is left is tone, dynamics and width. The findings say
// where the mix stands apart, in words.
// %%
s.compare("mix", ref).levelMatched()
// %% [markdown]
// ## The chain, with what the reference showed in mind
// %%
var mud = s.problem("muddy low-mids", span("0:00", "0:32"), band(180, 400));
var harsh = s.problem("harsh cymbals", chorus.span(), band(5_000, 9_000)).expect(reduceBy(2));
s.step("clean lows", highPass(25).slope(24), bell(270, -4).q(1.4)).addresses(mud);
s.step("tame cymbals", bell(7_000, -4).q(1.2)).addresses(harsh);
// A match EQ toward the reference's low end only (30-150 Hz: the low mids and the top stay ours),
// half the way, at most 2 dB up or 3 dB down. Its curve is drawn with the step; the session keeps the curve,
// so a replay needs no reference file.
s.step("toward the reference", matchEq(ref).amount(0.5).rangeHz(30, 150).maxBoostDb(2).maxCutDb(3));
s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(200));
s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
s.check("true peak", truePeakDbtp(), atMost(-1.0));
s.check("not crushed, mix to master", psrDb(), atLeast(8)).throughout();
s.render("demo-master.wav", wav24().dither(tpdf()));
// %% [markdown]
// ## The master against it
// The reference is louder than any streaming service plays it (they turn it down to -14 LUFS); level-matched,
// what its loudness bought shows as less range and less PSR. Its chain lifted the top by 3 dB, and ours tamed
// the cymbals: the master has less at 6-11 kHz than the reference. A choice to hear (`s.play(ref)`), not a fault.
// %%
s.compare("master", ref).levelMatched()
// %%
s.play(ref)
// %%
s.checklist()
