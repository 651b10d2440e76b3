package org.freshears.report;

/**
 * The report's one small style sheet, inlined so the page needs nothing else: system fonts (no web
 * fonts to fetch), one readable column, tables with tabular figures, charts scaled to the column.
 * Status colours carry a text symbol too (✓ ✗), so nothing rests on colour alone.
 */
final class ReportStyle {
    private ReportStyle() {
    }

    static final String CSS = """
            :root { --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --tint: #f6f8fa;
              --ok: #1a7f37; --ok-bg: #dafbe1; --warn: #8a5a00; --warn-bg: #fff3c4; --bad: #b42318; --bad-bg: #ffe4e1;
              --notable: #fff8c5; }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body { margin: 0; color: var(--ink); background: #fff;
              font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 68rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
            h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .75rem; }
            h2 { font-size: 1.45rem; margin: 2.75rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--rule); }
            h3 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
            h4 { font-size: 1rem; margin: 1.25rem 0 .4rem; color: var(--muted); }
            p { margin: .4rem 0 .8rem; }
            code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
              font-size: .86em; }
            .muted { color: var(--muted); }
            .warning { color: var(--warn); background: var(--warn-bg); padding: .1rem .4rem; border-radius: 4px;
              margin: .25rem 0; }
            .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .8em;
              word-break: break-all; }
            dl.about { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
            dl.about dt { color: var(--muted); }
            dl.about dd { margin: 0; overflow-wrap: anywhere; }
            .banner { border: 2px solid; border-radius: 10px; padding: .9rem 1.2rem; margin: 1.25rem 0 1.5rem; }
            .banner .headline { font-size: 1.5rem; font-weight: 700; line-height: 1.3; overflow-wrap: anywhere; }
            .banner .detail { margin-top: .25rem; }
            .banner.done { color: var(--ok); background: var(--ok-bg); }
            .banner.not-done { color: var(--warn); background: var(--warn-bg); }
            .banner.failed { color: var(--bad); background: var(--bad-bg); }
            .banner .detail { color: var(--ink); }
            nav.contents ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0;
              margin: 0; }
            nav.contents a { color: #0550ae; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; font-size: .92rem; }
            th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
            thead th { background: var(--tint); border-bottom: 2px solid var(--rule); font-weight: 600; }
            tbody th { font-weight: 500; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.facts, table.sections { width: auto; min-width: 24rem; }
            table.compare { width: auto; min-width: 36rem; }
            tr.notable > * { background: var(--notable); }
            td.step-name { white-space: nowrap; }
            ul.checklist { list-style: none; padding: 0; margin: .25rem 0 1rem; }
            ul.checklist li { display: grid; grid-template-columns: 1.75rem 1fr; padding: .45rem 0;
              border-bottom: 1px solid var(--rule); }
            ul.checklist .name { font-weight: 600; }
            ul.checklist .evidence { color: var(--muted); font-size: .92rem; }
            .tick { font-weight: 700; font-size: 1.15rem; line-height: 1.3; }
            .yes { color: var(--ok); }
            .no { color: var(--bad); }
            .failure { color: var(--bad); background: var(--bad-bg); border-left: 4px solid var(--bad);
              padding: .6rem .9rem; white-space: pre-wrap; overflow-wrap: anywhere; }
            figure { margin: 1rem 0 1.75rem; }
            figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
            figure svg image { image-rendering: pixelated; }
            figcaption { color: var(--muted); font-size: .82rem; margin-top: .25rem; }
            .step { border-top: 1px solid var(--rule); margin-top: 2.25rem; }
            .processors { margin: .25rem 0 .75rem; padding-left: 1.25rem; }
            .processors li { margin: .2rem 0; }
            .processors .resolved { display: block; color: var(--muted); }
            .timeline { margin: .75rem 0 .5rem; }
            .lane { display: grid; grid-template-columns: 9rem 1fr; align-items: center; margin: 3px 0; }
            .lane-label { font-size: .82rem; color: var(--muted); overflow: hidden; text-overflow: ellipsis;
              white-space: nowrap; padding-right: .5rem; }
            .track { position: relative; height: 1.6rem; background: var(--tint); border-radius: 3px; }
            .track > span { position: absolute; top: 0; bottom: 0; overflow: hidden; white-space: nowrap;
              font-size: .75rem; line-height: 1.6rem; padding: 0 .3rem; border-radius: 3px; }
            .sec0 { background: #cfe6f6; } .sec1 { background: #e3e3e3; } .sec2 { background: #d5f0e4; }
            .sec3 { background: #f6e0cf; } .sec4 { background: #eadcf2; } .sec5 { background: #f2ecc4; }
            .track > span.problem { background: repeating-linear-gradient(135deg, #f0e44299 0 6px, #f0e44255 6px 12px);
              border: 1px solid #c9b800; }
            .track > span.note-span { background: #33333322; }
            .track > span { text-overflow: ellipsis; }
            .track > span.beside { background: none; overflow: visible; color: var(--ink); }
            .track > span.beside.left { text-align: right; }
            .track > span.finding { border: 1px solid #b8860b; background: #f5deb388; min-width: 3px; }
            .track > span.finding.problem { border-color: var(--bad); background: #d7301f33; }
            .track > span.finding.info { border-color: var(--rule); background: var(--tint); }
            table.findings td { vertical-align: top; }
            table.findings tr.problem .severity { color: var(--bad); font-weight: 600; }
            .track > span.pin { width: 0; padding: 0; overflow: visible; border-left: 2px solid #333; border-radius: 0; }
            .track > span.pin b { position: absolute; left: 3px; top: .15rem; font-size: .7rem; line-height: 1.1;
              background: #333; color: #fff; border-radius: 8px; padding: .05rem .3rem; }
            .axis { position: relative; height: 1.2rem; margin-left: 9rem; font-size: .72rem; color: var(--muted); }
            .axis span { position: absolute; top: 0; transform: translateX(-50%); }
            .axis span.first { transform: none; }
            footer { margin-top: 3rem; padding-top: .75rem; border-top: 1px solid var(--rule); color: var(--muted);
              font-size: .85rem; }
            @media print { main { max-width: none; } figure, table, .step > h3 { break-inside: avoid; } }
            """;
}
