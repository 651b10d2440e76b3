// %% [markdown]
// # Demo mix — from notes to problem areas
//
// A listening note says what and when; a problem area adds where in the spectrum, so it can be
// measured. Here each note becomes a problem area, steps are aimed at them, and the checklist
// proves (or refuses) each fix.
// %%
var s = session("samples/demo-mix.wav");
s.listen("studio monitors, low level, then car speakers");
s.note(span("0:00", "0:32"), "boomy and thick everywhere, around the bass and the pad");
s.note(span("0:16", "0:28"), "cymbals hiss and sting in the chorus only");
s.note("0:04", "the verse is fine up top: don't dull it");
// %% [markdown]
// ## Notes become problem areas
// The cymbals only bother in the chorus, so that problem's span is the chorus; the fix must take
// at least 3 dB off that band there, heard level-matched (against the master's loudness).
// %%
var boom = s.problem("low-mid build-up", span("0:00", "0:32"), band(180, 400));
var hiss = s.problem("chorus cymbals", span("0:16", "0:28"), band(5_000, 9_000)).expect(reduceBy(3));
var verseAir = s.section("verse", "0:04", "0:16");
// %% [markdown]
// ## A broad move first, then targeted ones
// A gentle high shelf is not aimed at anything: the checklist keeps both problems open.
// %%
s.step("a little darker", highShelf(10_000, -0.5));
s.checklist()
// %% [markdown]
// The build-up is in both channels' common part, so it is cut in the mid only; the cymbals are
// cut by a dynamic EQ that works only while the band is loud, which leaves the verse's air alone.
// %%
s.step("de-boom", bell(270, -4.5).q(1.4).mid()).addresses(boom);
s.step("de-hiss chorus", dynamicEq(7_000, -8).q(1.0).thresholdDb(-45)).addresses(hiss);
s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
// %%
s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
s.check("true peak", truePeakDbtp(), atMost(-1.0));
s.check("not crushed, mix to master", psrDb(), atLeast(8)).throughout();
s.render("demo-problem-areas.wav", wav24().dither(tpdf()));
s.checklist()
