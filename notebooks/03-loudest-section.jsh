// %% [markdown]
// # Demo mix — set up on the loudest section
//
// A common way to master: find the loudest part of the song, set the chain up there (it is what
// hits the limiter hardest), then bring the other sections to hit the chain alike with clip gain
// before it, instead of letting the compressor do it.
// %%
var s = session("samples/demo-mix.wav");
s.listen("full song twice, then the chorus on loop");
var loudest = s.loudestSection(8);
var intro = s.section("intro", "0:00", "0:04");
var verse = s.section("verse", "0:04", "0:16");
System.out.printf("loudest %s: %.1f LUFS, verse %.1f LUFS, intro %.1f LUFS%n", loudest,
    s.loudnessOf(loudest), s.loudnessOf(verse), s.loudnessOf(intro));
// %% [markdown]
// ## Clip-gain the verse towards the chorus
// Meet it halfway: the chorus should still lift, just not by as much as in the mix.
// %%
double verseLift = (s.loudnessOf(loudest) - s.loudnessOf(verse)) / 2;
s.step("verse clip gain", clipGain(verse, verseLift));
System.out.printf("verse lifted %+.1f dB: verse now %.1f LUFS against %.1f%n", verseLift,
    s.loudnessOf(verse), s.loudnessOf(loudest));
// %% [markdown]
// ## The chain, set on the loudest section
// %%
s.step("tone", highPass(30).slope(12), bell(270, -3).q(1.4), highShelf(9_000, -1));
s.step("glue", compressor().thresholdDb(-20).ratio(1.5).attackMs(30).releaseMs(250));
s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-13));
// %%
s.check("loudness", integratedLufs(), within(-13, 0.5));
s.check("true peak", truePeakDbtp(), atMost(-1.0));
s.check("tamer, not flattened", loudnessRangeLu(), between(2, 6));
s.check("not crushed, mix to master", psrDb(), atLeast(8)).throughout();
s.render("demo-loudest-section.wav", wav24().dither(tpdf()));
s.checklist()
