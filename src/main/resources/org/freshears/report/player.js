'use strict';
// The Fresh Ears player: every version of the song (mix, each step, master) decoded once into an
// AudioBuffer, so switching is a crossfade between two sources at the same song position, not a seek.
// Level matching and mono are gain nodes after the source; nothing here needs a network or a server.
(() => {
  const root = document.currentScript.closest('.player');
  const data = JSON.parse(root.querySelector('script.player-data').textContent);
  const FADE_SECONDS = 0.012; // long enough to avoid a click, short enough to sound instant
  const $ = (name) => root.querySelector('[data-part="' + name + '"]');
  const versions = new Map(data.versions.filter((v) => v.file).map((v) => [v.key, v]));
  const buffers = new Map();
  let ctx = null;
  let input = null; // where every source goes: the mono matrix, then the speakers
  let matrix = null;
  let merger = null; // the speakers' feed, after the mono matrix (the browser tests listen here)
  let playing = null; // {key, source, gain}
  let current = data.versions.find((v) => v.file)?.key;
  let previous = null;
  let songAt = 0; // song seconds at ctxAt
  let ctxAt = 0;
  let running = false;
  let loop = null; // {from, to, label}
  let matched = true;
  let mono = false;
  let blind = false; // during ABX trials the buttons must not say what X is

  // ---- loading: each listening file is a script calling freshEarsListening(key, base64 FLAC),
  // because a page opened from disk may load a script beside it but may not fetch a file.
  const waiting = (window.freshEarsWaiting = window.freshEarsWaiting || new Map());
  window.freshEarsListening = (key, base64) => {
    const done = waiting.get(document.currentScript.src);
    if (done) done(base64);
  };
  const files = new Map(); // by file: the master is often the last step's file
  function loadFile(file) {
    if (!files.has(file)) {
      files.set(file, new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = file;
        waiting.set(script.src, (base64) => {
          const text = atob(base64);
          const bytes = new Uint8Array(text.length);
          for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
          audio().decodeAudioData(bytes.buffer).then(resolve, reject);
        });
        script.onerror = () => reject(new Error('cannot read ' + file + ' (is the listen folder beside the page?)'));
        document.head.appendChild(script);
      }));
    }
    return files.get(file);
  }
  const load = (key) => loadFile(versions.get(key).file).then((buffer) => { buffers.set(key, buffer); return buffer; });
  const loadAll = () => Promise.all([...versions.keys()].map(load));

  function audio() {
    if (!ctx) {
      ctx = new AudioContext({ sampleRate: data.sampleRate });
      // Mono as a gain matrix: L' = a L + b R, R' = b L + a R; stereo a=1 b=0, mono a=b=1/2.
      const split = ctx.createChannelSplitter(2);
      const merge = (merger = ctx.createChannelMerger(2));
      matrix = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([from, to]) => {
        const g = ctx.createGain();
        split.connect(g, from);
        g.connect(merge, 0, to);
        return { g, same: from === to };
      });
      merge.connect(ctx.destination);
      input = split;
      setMono(mono);
    }
    return ctx;
  }

  // ---- the transport -----------------------------------------------------------------------------
  function position() {
    if (!running) return songAt;
    let t = songAt + (ctx.currentTime - ctxAt);
    if (loop && t >= loop.to) t = loop.from + ((t - loop.from) % (loop.to - loop.from));
    return Math.min(t, data.durationSeconds);
  }
  const gainDb = (key) => (matched ? versions.get(key).gainDb : 0);
  const inside = (key, t) => versions.has(key) && t >= versions.get(key).fromSeconds && t < versions.get(key).toSeconds;

  function startSource(key, at) {
    const v = versions.get(key);
    const source = ctx.createBufferSource();
    source.buffer = buffers.get(key);
    const gain = ctx.createGain();
    source.connect(gain).connect(input);
    if (loop) {
      source.loop = true;
      source.loopStart = Math.max(0, loop.from - v.fromSeconds);
      source.loopEnd = Math.min(v.toSeconds, loop.to) - v.fromSeconds;
    }
    const now = ctx.currentTime;
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(Math.pow(10, gainDb(key) / 20), now + FADE_SECONDS);
    source.start(now, at - v.fromSeconds);
    // The end of the song (a looping source never ends): the next play starts from the top.
    source.onended = () => { if (playing && playing.source === source) { running = false; songAt = data.durationSeconds; playing = null; show(); } };
    return { key, source, gain };
  }
  function fadeOut(voice) {
    const now = ctx.currentTime;
    voice.gain.gain.cancelScheduledValues(now);
    voice.gain.gain.setValueAtTime(voice.gain.gain.value, now);
    voice.gain.gain.linearRampToValueAtTime(0, now + FADE_SECONDS);
    voice.source.onended = null;
    voice.source.stop(now + FADE_SECONDS + 0.005);
  }
  /** Plays `key` from song time `at` (default: where we are), crossfading from what plays now. */
  function playFrom(key, at) {
    const t = at === undefined ? position() : at;
    if (!inside(key, t)) return false;
    const old = playing;
    playing = startSource(key, t);
    if (old) fadeOut(old);
    songAt = t;
    ctxAt = ctx.currentTime;
    running = true;
    return true;
  }
  async function play() {
    audio();
    await ctx.resume();
    await load(current);
    if (!inside(current, songAt) || songAt >= data.durationSeconds) songAt = loop ? loop.from : versions.get(current).fromSeconds;
    playFrom(current, songAt);
    show();
    if (buffers.size < versions.size) {
      $('status').textContent = 'Decoding the other versions\u2026';
      // The others decode while this one plays, so switching is instant from then on.
      loadAll().then(() => { $('status').textContent = ''; }, fail);
    }
  }
  function pause() {
    if (!running) return;
    songAt = position();
    running = false;
    if (playing) fadeOut(playing);
    playing = null;
    show();
  }
  /** Switches to another version at the same song position; false when it has no audio there. */
  function select(key, hidden) {
    if (!versions.has(key)) return false;
    blind = !!hidden;
    if (running) {
      if (!buffers.has(key)) { load(key).then(() => select(key, hidden)).catch(fail); return true; }
      if (!playFrom(key)) return false;
    } else if (!inside(key, songAt)) {
      return false;
    }
    if (key !== current) previous = current;
    current = key;
    show();
    return true;
  }
  function seek(t) {
    songAt = Math.max(0, Math.min(t, data.durationSeconds));
    if (running) playFrom(current, songAt);
    show();
  }
  function setLoop(from, to, label) {
    loop = from === null ? null : { from: Math.max(0, from), to: Math.min(to, data.durationSeconds), label };
    const t = position();
    if (loop && (t < loop.from || t >= loop.to)) songAt = loop.from; else songAt = t;
    if (running) playFrom(current, songAt); // a source's loop points are set when it starts
    show();
  }
  function setMatched(on) {
    matched = on;
    if (playing) playing.gain.gain.setTargetAtTime(Math.pow(10, gainDb(playing.key) / 20), ctx.currentTime, FADE_SECONDS / 3);
    show();
  }
  function setMono(on) {
    mono = on;
    if (matrix) matrix.forEach(({ g, same }) => g.gain.setTargetAtTime(mono ? 0.5 : (same ? 1 : 0), ctx.currentTime, FADE_SECONDS / 3));
    show();
  }

  // ---- what the page shows -------------------------------------------------------------------------
  const clock = (t) => Math.floor(t / 60) + ':' + (t % 60).toFixed(1).padStart(4, '0');
  function show() {
    const t = position();
    $('play').textContent = running ? '\u275a\u275a Pause' : '\u25b6 Play';
    $('clock').textContent = clock(t) + ' / ' + clock(data.durationSeconds);
    if (document.activeElement !== $('seek')) $('seek').value = t;
    root.querySelectorAll('button[data-version]').forEach((b) => {
      const key = b.dataset.version;
      b.setAttribute('aria-pressed', String(!blind && key === current));
      b.disabled = !inside(key, t) && !(loop && inside(key, loop.from));
      b.querySelector('.gain').textContent = matched ? b.dataset.gain : '0 dB';
    });
    $('matched').checked = matched;
    $('mono').checked = mono;
    $('loop-info').textContent = loop ? 'Loop ' + loop.label + ' (' + clock(loop.from) + '\u2013' + clock(loop.to) + ')' : '';
    $('clear-loop').hidden = !loop;
    document.querySelectorAll('figure[data-t1] > .playhead').forEach((head) => {
      const d = head.parentElement.dataset;
      const x = +d.x0 + (+d.x1 - +d.x0) * (t - d.t0) / (d.t1 - d.t0);
      head.style.left = (100 * Math.max(+d.x0, Math.min(+d.x1, x))) + '%';
    });
  }
  function fail(e) {
    $('status').textContent = String(e && e.message ? e.message : e);
  }
  (function tick() { if (running) show(); requestAnimationFrame(tick); })();

  // ---- controls --------------------------------------------------------------------------------------
  $('play').addEventListener('click', () => (running ? pause() : play().catch(fail)));
  $('seek').addEventListener('input', (e) => seek(+e.target.value));
  $('matched').addEventListener('change', (e) => setMatched(e.target.checked));
  $('mono').addEventListener('change', (e) => setMono(e.target.checked));
  $('clear-loop').addEventListener('click', () => setLoop(null));
  root.querySelectorAll('button[data-version]').forEach((b) => b.addEventListener('click', () => {
    if (!running && !buffers.has(b.dataset.version)) { current = b.dataset.version; play().catch(fail); return; }
    select(b.dataset.version);
  }));
  // Anything on the page that names a span (a section, a problem, a note, a finding, a chart) loops it;
  // wired once the page is parsed, as this script runs near its top.
  function wirePage() {
    document.querySelectorAll('[data-loop-from]').forEach((el) => {
      el.classList.add('loopable');
      el.addEventListener('click', () => setLoop(+el.dataset.loopFrom, +el.dataset.loopTo, el.dataset.loopLabel || ''));
    });
    document.querySelectorAll('figure[data-t1]').forEach((f) => {
      const head = document.createElement('div');
      head.className = 'playhead';
      head.style.top = (100 * f.dataset.y0) + '%';
      head.style.height = (100 * (f.dataset.y1 - f.dataset.y0)) + '%';
      f.appendChild(head);
    });
    document.addEventListener('keydown', (e) => {
      if (e.target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
      const keys = [...versions.keys()];
      if (e.key === ' ') { e.preventDefault(); $('play').click(); }
      else if (/^[1-9]$/.test(e.key) && keys[e.key - 1]) select(keys[e.key - 1]);
      else if (e.key === 'x' && previous) select(previous);
    });
    show();
  }
  if (data.page) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wirePage);
    else wirePage();
  }
  show();

  // ---- blind ABX --------------------------------------------------------------------------------------
  const abx = { a: null, b: null, total: 0, trials: [], x: null };
  function binomialTail(correct, total) { // P(at least `correct` of `total` right by coin flips)
    let p = 0;
    for (let k = correct; k <= total; k++) {
      let c = 1;
      for (let i = 0; i < k; i++) c = (c * (total - i)) / (i + 1);
      p += c / Math.pow(2, total);
    }
    return Math.min(1, p);
  }
  function nextTrial() {
    abx.x = crypto.getRandomValues(new Uint8Array(1))[0] & 1 ? 'a' : 'b';
    $('abx-trial').textContent = 'Trial ' + (abx.trials.length + 1) + ' of ' + abx.total;
  }
  function startAbx(a, b, total) {
    if (a === b || !versions.has(a) || !versions.has(b)) throw new Error('pick two different versions');
    Object.assign(abx, { a, b, total, trials: [] });
    $('abx-run').hidden = false;
    $('abx-done').hidden = true;
    nextTrial();
  }
  function hear(which) { // 'a', 'b' or 'x'
    const side = which === 'x' ? abx.x : which;
    const key = side === 'a' ? abx.a : abx.b;
    blind = which === 'x'; // at once: the buttons must not light up X's version while it loads
    const go = () => (running ? select(key, which === 'x') : play().then(() => select(key, which === 'x')));
    if (!running) current = key;
    return Promise.resolve(go()).then(() => { $('abx-playing').textContent = 'Playing ' + which.toUpperCase(); });
  }
  function answer(side) {
    abx.trials.push({ x: abx.x, answer: side });
    if (abx.trials.length < abx.total) { nextTrial(); return null; }
    blind = false;
    const r = result();
    $('abx-run').hidden = true;
    $('abx-done').hidden = false;
    $('abx-score').textContent = r.correct + ' of ' + r.total + ' right; the probability of doing as well by guessing is '
      + (100 * r.pGuessing).toFixed(1) + ' %' + (r.pGuessing < 0.05 ? ': a difference you can hear.' : ': not shown to be audible.');
    show();
    return r;
  }
  function result() {
    const correct = abx.trials.filter((t) => t.x === t.answer).length;
    const span = loop ? { startSeconds: loop.from, endSeconds: loop.to } : null;
    return {
      format: 'freshears-abx', formatVersion: 1, session: { mixSha256: data.mixSha256 },
      a: { version: abx.a, gainDb: gainDb(abx.a) }, b: { version: abx.b, gainDb: gainDb(abx.b) },
      levelMatched: matched, span, trials: abx.trials.map((t) => ({ x: t.x, answer: t.answer })),
      correct, total: abx.trials.length, pGuessing: binomialTail(correct, abx.trials.length),
    };
  }
  function save() {
    const r = result();
    const name = ('abx-' + r.a.version + '-vs-' + r.b.version).replace(/[^A-Za-z0-9._-]+/g, '-') + '.json';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(r, null, 2) + '\n'], { type: 'application/json' }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return name;
  }
  if ($('abx-start')) {
    $('abx-start').addEventListener('click', () => { try { startAbx($('abx-a').value, $('abx-b').value, +$('abx-trials').value); } catch (e) { fail(e); } });
    ['a', 'b', 'x'].forEach((w) => $('abx-play-' + w).addEventListener('click', () => hear(w).catch(fail)));
    $('abx-is-a').addEventListener('click', () => answer('a'));
    $('abx-is-b').addEventListener('click', () => answer('b'));
    $('abx-save').addEventListener('click', save);
  }

  // What the browser tests drive and read (and a curious listener's console).
  root.freshEars = {
    play, pause, select, seek, setLoop, setMatched, setMono, position, loadAll,
    state: () => ({ current, running, matched, mono, loop, blind, contextTime: ctx ? ctx.currentTime : 0 }),
    gains: () => Object.fromEntries([...versions.values()].map((v) => [v.key, gainDb(v.key)])),
    output: () => ({ context: audio(), matrix: matrix.map(({ g }) => g.gain.value), node: merger }),
    abx: { start: startAbx, hear, answer, result, save, binomialTail },
  };
})();
