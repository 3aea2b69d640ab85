/// The report's style sheet and its small script, embedded in the page (no network).
enum ReportStyle {
    /// Light by default, dark under `prefers-color-scheme: dark`, and a print layout.
    static let css = """
        :root{--bg:#ffffff;--fg:#1c1e21;--muted:#5d6470;--line:#dde1e6;--panel:#f5f6f8;--link:#1f5fa8;
        --member:#1f5fa8;--seeking:#5aa9dc;--partner:#2a9863;--neutral:#a2a8b0;--opposed:#d1542a;--other:#b8860b;
        --on-member:#fff;--on-seeking:#0b2233;--on-partner:#fff;--on-neutral:#17191c;--on-opposed:#fff;--on-other:#fff;
        --pos:#2a9863;--neg:#d1542a;--bar:#5b7fa6;color-scheme:light dark}
        @media (prefers-color-scheme:dark){:root{--bg:#141619;--fg:#e4e6e9;--muted:#9aa2ad;--line:#2e3339;--panel:#1c1f23;
        --link:#7fb2ec;--member:#3d7fcf;--seeking:#74b9e6;--partner:#36a874;--neutral:#8a9099;--opposed:#e0673d;
        --bar:#7d9cc0;--pos:#45b583;--neg:#e0673d}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        main{max-width:1200px;margin:0 auto;padding:28px 28px 60px}
        h1{font-size:1.55rem;margin:0 0 4px;letter-spacing:-.01em}h2{font-size:1.2rem;margin:40px 0 6px;padding-top:10px;border-top:1px solid var(--line)}
        h3{font-size:1rem;margin:22px 0 6px}p.lead,.note{color:var(--muted);margin:2px 0 12px}.note{font-size:.86rem}
        a{color:var(--link)}nav{margin:10px 0 0;font-size:.9rem}nav a{margin-right:14px;text-decoration:none}
        .cards{display:flex;flex-wrap:wrap;gap:10px;margin:18px 0 6px}.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:130px}
        .card b{display:block;font-size:1.35rem;font-variant-numeric:tabular-nums}.card span{color:var(--muted);font-size:.82rem}
        table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{padding:4px 8px;text-align:left;vertical-align:top}
        table.list td,table.list th{border-bottom:1px solid var(--line)}td.num,th.num{text-align:right}
        .legend{display:flex;flex-wrap:wrap;gap:14px;margin:8px 0 12px;font-size:.86rem;color:var(--muted)}.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px}
        .matrix-wrap{overflow-x:auto}table.matrix th.bloc{font-size:.78rem;font-weight:600;text-align:center;white-space:nowrap;padding:4px 3px}
        table.matrix th.actor{font-weight:500;white-space:nowrap;padding-right:12px}table.matrix th.actor small{color:var(--muted);margin-left:4px}
        table.matrix td{padding:2px}td.cell a{display:block;min-width:52px;height:40px;border-radius:6px;text-decoration:none;text-align:center;padding-top:4px;font-weight:650;font-size:.95rem;position:relative;print-color-adjust:exact;-webkit-print-color-adjust:exact}
        td.cell a:hover,td.cell a:focus{outline:2px solid var(--fg);outline-offset:1px}td.cell a .mix{position:absolute;left:5px;right:5px;bottom:5px;height:4px;display:flex;border-radius:2px;overflow:hidden;background:rgba(255,255,255,.35)}
        td.cell a .mix i{display:block;height:4px}td.empty::after{content:"";display:block;min-width:52px;height:40px;border-radius:6px;background:var(--panel)}
        .st-member{background:var(--member);color:var(--on-member)}.st-seeking{background:var(--seeking);color:var(--on-seeking)}.st-partner{background:var(--partner);color:var(--on-partner)}
        .st-neutral{background:var(--neutral);color:var(--on-neutral)}.st-opposed{background:var(--opposed);color:var(--on-opposed)}.st-other{background:var(--other);color:var(--on-other)}
        .chip{display:inline-block;border-radius:10px;padding:0 8px;font-size:.78rem;font-weight:600;line-height:1.55;print-color-adjust:exact;-webkit-print-color-adjust:exact}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:18px 28px}
        .tl{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,1.3fr);gap:10px;align-items:start;margin:4px 0 14px}
        .tl h3{grid-column:1/-1;margin:10px 0 0;font-size:.95rem}svg{display:block;width:100%;height:auto;overflow:visible}
        svg text{fill:var(--muted);font-size:10px;font-family:inherit}svg .axis{stroke:var(--line)}svg .zero{stroke:var(--muted);stroke-dasharray:2 2}
        svg .tone-line{fill:none;stroke:var(--fg);stroke-width:1.4}svg .tone-pt{fill:var(--fg)}svg .bar{fill:var(--bar)}svg .pos{fill:var(--pos)}svg .neg{fill:var(--neg)}
        svg .lbl{fill:var(--fg);font-size:11px}svg circle.pt{stroke:var(--bg);stroke-width:1}
        .c-member{fill:var(--member)}.c-seeking{fill:var(--seeking)}.c-partner{fill:var(--partner)}.c-neutral{fill:var(--neutral)}.c-opposed{fill:var(--opposed)}.c-other{fill:var(--other)}
        .ev section{border:1px solid var(--line);border-radius:8px;padding:4px 14px 8px;margin:12px 0;scroll-margin-top:12px}.ev section:target{outline:3px solid var(--link)}
        .ev h3 .back{font-size:.8rem;font-weight:400;margin-left:8px}.ev ol{margin:6px 0;padding-left:22px}.ev li{margin:8px 0}
        .ev .meta{font-size:.86rem;color:var(--muted)}.ev .meta b{color:var(--fg)}blockquote{margin:4px 0 0;padding:2px 0 2px 10px;border-left:3px solid var(--line)}
        mark{background:rgba(255,204,0,.45);color:inherit;border-radius:2px;padding:0 1px}.cue{font-style:italic}
        details summary{cursor:pointer}details .ids{font-size:.8rem;color:var(--muted)}
        footer{margin-top:40px;font-size:.8rem;color:var(--muted)}
        @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--panel:#f2f2f2;--link:#000}
        main{max-width:none;padding:0}nav{display:none}body{font-size:10pt}h2{break-before:auto;break-after:avoid}
        .ev section,.tl,.card,table.matrix{break-inside:avoid}a{text-decoration:none}details:not([open]) .ids{display:none}}
        """

    /// Highlights the evidence a cell links to and opens entity examples; the page works without it.
    static let script = """
        document.addEventListener('click',function(e){var a=e.target.closest('a[href^="#c-"]');if(!a)return;
        var t=document.getElementById(a.getAttribute('href').slice(1));if(t){t.setAttribute('tabindex','-1');t.focus({preventScroll:true});}});
        """
}
