// %% [markdown]
// # Demo mix — fresh ears first
//
// After hours of mixing, a wrong balance starts to sound right. So this pass starts with an objective
// first listen: Fresh Ears says what it found, where and why, against which threshold. It never
// changes the mix: the findings become notes and problem areas, your own ears add what they hear,
// the steps are yours, and the checklist proves each fix.
// %%
var s = session("samples/demo-mix.wav");
var found = s.findings();
found
// %% [markdown]
// ## Tuning the listen
// Thresholds are tunable (each is named in the README's table, with its reason and source). A laxer tonal
// threshold lets through what stands less far off the target; the defaults are what this pass works from.
// %%
var lax = s.findings(thresholds().withToneVsTargetDb(8));
found = s.findings();
String.format("%d problems with the tonal threshold at 8 dB, %d at the default (3.5 dB)", lax.problems().size(),
        found.problems().size())
// %% [markdown]
// ## Findings become notes and problem areas
// Each located finding goes into the notes; the tonal problems become problem areas in one call
// (the finding's span × band, its title as the name), judged level-matched like any other.
// %%
for (var f : found) {
    if (f.span() != null) {
        s.note(f);
    }
}
var lowMids = s.problem(found.first("low-mid-buildup"));
var harsh = s.problem(found.first("harshness")).expect(reduceBy(2));
s.checklist()
// %% [markdown]
// ## Your own ears
// Findings are a second opinion, not the only one: listen, and write down what you hear.
// %%
s.listen("headphones, next morning, after reading the findings");
s.note("0:16", "agreed: the chorus cymbals sting; the snare is fine");
s.note("0:04", "the verse's air is lovely: keep it");
var verse = s.section("verse", "0:04", "0:16");
// %% [markdown]
// ## Steps
// The mix peaks at -0.2 dBFS (no headroom): gain it down first, as the finding suggests. Then the
// suggested moves, tuned by ear: a broad low-mid cut, and a dynamic EQ on the cymbals that works only
// while they are loud (so the verse's air stays). Then the loudness target.
// %%
s.step("headroom", gain(-3));
s.step("low mids", bell(250, -4).q(1.4)).addresses(lowMids);
s.step("cymbals", dynamicEq(6_300, -8).q(1.0).thresholdDb(-45)).addresses(harsh);
s.step("loudness", limiter().ceilingDbtp(-1.0).targetLufs(-14));
// %% [markdown]
// ## Checks
// Each check can fail: a limiter that misses its target, overs between samples, loud parts squashed
// below 8 dB of peak-to-short-term ratio anywhere from the mix to the master, or a chain that flattened
// the song's loudness range would each leave the checklist open, as would a problem area whose band
// did not come down, heard level-matched.
// %%
s.check("streaming loudness", integratedLufs(), within(-14, 0.5));
s.check("true peak", truePeakDbtp(), atMost(-1.0));
s.check("not crushed, mix to master", psrDb(), atLeast(8)).throughout();
s.check("kept the mix's loudness range", loudnessRangeLu(), keptFromMix(2));
s.render("demo-fresh-ears.wav", wav24().dither(tpdf()));
s.checklist()
