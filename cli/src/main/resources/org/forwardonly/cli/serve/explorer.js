// The explorer page of `pepita serve`: controls -> config -> server-sent events -> SVG panels.
// No library: the panels are SVG drawn here, so the page needs nothing from the internet.
"use strict";

// The rules and activations and what each supports, from the server's registry (GET /api/model, setup()):
// {rules: {name: {label, closedForm, usesF, modulatedPass, firstOrder, controlVariate}}, activations: {name: {closedForm}}}
let MODEL = {rules: {}, activations: {}};

// The controls of one parameter set: config key, label, kind, default, and for numbers the step.
// The options of rule and activation are the server's (setup()).
const CONTROLS = [
  {key: "rule", label: "rule", options: [], def: "afa"},
  {key: "activation", label: "activation g", options: [], def: "erf"},
  {key: "K", label: "K (student)", step: 1, def: 2},
  {key: "M", label: "M (teacher)", step: 1, def: 2},
  {key: "eta", label: "η", step: 0.05, def: 1},
  {key: "etaV", label: "η_v", step: 0.05, def: 1},
  {key: "sigma", label: "σ (label noise)", step: 0.01, def: 0},
  {key: "sigmaF", label: "σ_F (feedback)", step: 0.01, def: 0.5},
  {key: "modulationSign", label: "s (modulation)", options: ["-1", "1"], def: "-1"},
  {key: "seed", label: "seed of the start", step: 1, def: 0},
  {key: "alignF", label: "alignment of F", step: 0.05, def: 0},
  {key: "N", label: "N (start, simulation)", step: 100, def: 500},
  {key: "seeds", label: "seeds (simulation)", step: 1, def: 1},
  {key: "integrator", label: "integrator", options: ["dp853", "dp54", "rk4", "euler"], def: "dp853"},
  {key: "tMax", label: "t max", step: 10, def: 100},
];
const SETS = ["A", "B"];
const PANELS = [
  {id: "eps_g", title: "ε_g(t), generalisation error", match: c => c === "eps_g", logY: true},
  {id: "Q", title: "Q (student-student)", match: c => c.startsWith("Q_"), logY: false},
  {id: "R", title: "R (student-teacher)", match: c => c.startsWith("R_"), logY: false},
  {id: "v", title: "v (second layer)", match: c => c.startsWith("v_"), logY: false},
  {id: "c", title: "c (student-feedback)", match: c => c.startsWith("c_"), logY: false},
];
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
const TAB = Math.random().toString(36).slice(2, 10);

// curves: A, B (ODE) and simA, simB (simulation): {header, columns, t[], rows[][], raw[], state, message, engine}
const curves = {};
const streams = {};
let redrawPending = false;

function $(id) { return document.getElementById(id); }

function buildControls(set) {
  const box = $("set-" + set);
  for (const c of CONTROLS) {
    const label = document.createElement("label");
    label.textContent = c.label;
    let input;
    if (c.options) {
      input = document.createElement("select");
      for (const o of c.options) {
        const opt = document.createElement("option");
        opt.value = o; opt.textContent = o;
        input.appendChild(opt);
      }
    } else {
      input = document.createElement("input");
      input.type = "number";
      input.step = c.step;
    }
    input.id = set + "-" + c.key;
    input.value = String(c.def);
    input.addEventListener("input", () => changed(set));
    input.addEventListener("change", () => changed(set));
    label.appendChild(input);
    box.appendChild(label);
  }
  const msg = document.createElement("div");
  msg.className = "message"; msg.id = "message-" + set;
  box.appendChild(msg);
  for (const kind of ["", "afa", "sim"]) {
    const p = document.createElement("div");
    p.className = "progress"; p.id = "progress-" + kind + set;
    box.appendChild(p);
  }
}

// The config of a set: numbers as numbers; text that is not a number is sent as it is, so the
// server names the key in its one-line message.
function config(set, forSimulation) {
  const cfg = {};
  for (const c of CONTROLS) {
    const raw = $(set + "-" + c.key).value.trim();
    if (c.options) cfg[c.key] = c.key === "modulationSign" ? Number(raw) : raw;
    else cfg[c.key] = raw !== "" && isFinite(Number(raw)) ? Number(raw) : raw;
  }
  // the line is one seed's ODE (pepita ode's), unless the simulation overlay averages several seeds: then the
  // server sends the mean of each seed's ODE, so that line and markers are averaged alike (docs/serve.md)
  if (!forSimulation && !($("simulate").checked && cfg.seeds > 1)) delete cfg.seeds;
  cfg.timeSpacing = "log";
  cfg.nTimes = forSimulation ? 30 : 100;
  return cfg;
}

const timers = {};
function changed(set) {
  writeUrl();
  clearTimeout(timers[set]);
  timers[set] = setTimeout(() => run(set), 120);
}

function run(set) {
  if (set === "B" && !$("compare").checked) {
    for (const n of ["B", "afaB", "simB"]) { stop(n); delete curves[n]; }
    scheduleRedraw();
    return;
  }
  const cfg = config(set, false);
  start(set, "/api/ode/stream", cfg);
  // PEPITA runs on the exact engine; AFA's closed form (PEPITA to first order in F, docs/model.md §5)
  // is drawn at once beside it, where it exists: the rule's first order, for a rule whose exact engine is
  // built on it (controlVariate), with an activation that has closed forms
  const rule = MODEL.rules[cfg.rule], g = MODEL.activations[cfg.activation];
  if (rule && rule.controlVariate && g && g.closedForm) {
    start("afa" + set, "/api/ode/stream", Object.assign({}, cfg, {rule: rule.firstOrder}));
  } else { stop("afa" + set); delete curves["afa" + set]; }
  if ($("simulate").checked) start("sim" + set, "/api/simulate/stream", config(set, true));
  else { stop("sim" + set); delete curves["sim" + set]; scheduleRedraw(); }
}

function stop(name) {
  if (streams[name]) { streams[name].close(); delete streams[name]; }
}

// One run as server-sent events; a newer run of the same curve closes this one (and the server,
// told by the slot, stops computing it).
function start(name, path, cfg) {
  stop(name);
  const set = name.slice(-1);
  const previous = curves[name] && curves[name].state === "done" ? curves[name] : null;
  const curve = {config: cfg, header: null, columns: [], t: [], rows: [], raw: [], state: "running", message: "", engine: ""};
  curves[name] = curve;
  setStatus(name);
  const url = path + "?slot=" + TAB + "-" + name + "&config=" + encodeURIComponent(JSON.stringify(cfg));
  const es = new EventSource(url);
  streams[name] = es;
  es.addEventListener("start", e => {
    const s = JSON.parse(e.data);
    curve.header = s.header; curve.columns = s.header.split(",").slice(1); curve.tEnd = s.tEnd; curve.engine = s.engine;
    setStatus(name);
  });
  es.addEventListener("row", e => {
    const cells = e.data.split(",");
    curve.raw.push(e.data);
    curve.t.push(Number(cells[0]));
    curve.rows.push(cells.slice(1).map(Number));
    curve.progress = Number(cells[0]);
    scheduleRedraw();
  });
  es.addEventListener("progress", e => { curve.progress = Number(e.data); setStatus(name); });
  es.addEventListener("invalid", e => {
    finish(name, "invalid", e.data);
    if (previous) { curves[name] = previous; scheduleRedraw(); } // the last good curve stays
  });
  es.addEventListener("diverged", e => { curve.message = e.data; curve.state = "diverged"; });
  es.addEventListener("done", () => { finish(name, curve.state === "diverged" ? "diverged" : "done", curve.message); });
  es.onerror = () => { if (streams[name] === es) finish(name, "failed", "the connection to pepita serve was lost"); };
  if (!name.startsWith("sim")) $("message-" + set).textContent = "";
}

function finish(name, state, message) {
  const es = streams[name];
  if (es) { es.close(); delete streams[name]; } // no automatic reconnection
  const curve = curves[name];
  curve.state = state; curve.message = message || "";
  setStatus(name);
  scheduleRedraw();
}

function setStatus(name) {
  const curve = curves[name];
  const set = name.slice(-1), sim = name.startsWith("sim");
  const el = $("progress-" + name);
  el.dataset.state = curve.state;
  const what = sim ? "simulation" : name.startsWith("afa") ? "afa, first order in F" : (curve.engine || "ODE");
  if (curve.state === "running") {
    const frac = curve.tEnd ? Math.min(1, (curve.progress || 0) / curve.tEnd) : 0;
    el.innerHTML = "";
    el.append(what + ": ");
    const bar = document.createElement("progress");
    bar.max = 1; bar.value = frac;
    el.append(bar, " t = " + (curve.progress || 0).toPrecision(3) + (curve.tEnd ? " / " + curve.tEnd : ""));
  } else if (curve.state === "done") {
    el.textContent = what + ": done, " + curve.t.length + " samples";
  } else {
    el.textContent = "";
  }
  const echo = name.startsWith("afa") && curve.state === "invalid"; // A's own stream already says it
  if (!echo && (curve.state === "invalid" || curve.state === "diverged" || curve.state === "failed")) {
    $("message-" + set).textContent = (sim ? "simulation: " : name.startsWith("afa") ? "afa: " : "") + curve.message;
  }
}

function scheduleRedraw() {
  if (redrawPending) return;
  redrawPending = true;
  requestAnimationFrame(() => { redrawPending = false; redraw(); });
}

// ---- SVG panels ----
const W = 430, H = 270, PAD = {l: 58, r: 10, t: 24, b: 34};
const SVGNS = "http://www.w3.org/2000/svg";

function el(tag, attrs, parent) {
  const e = document.createElementNS(SVGNS, tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}

function ticks(lo, hi, log) {
  if (log) {
    // decades; over fewer than two decades also 2 and 5 times them, so that the axis has labels
    const mult = Math.log10(hi / lo) < 2 ? [1, 2, 5] : [1];
    const out = [];
    for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
      for (const m of mult) {
        const v = m * Math.pow(10, p);
        if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
      }
    }
    return out;
  }
  const span = hi - lo, step0 = span / 5, mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map(m => m * mag).find(s => span / s <= 6);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12 * span; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function fmt(v) {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(4)));
}

function redraw() {
  const box = $("panels");
  box.innerHTML = "";
  for (const p of PANELS) {
    // the series of this panel: [curveName, column, index]
    const series = [];
    for (const name of ["A", "B", "afaA", "afaB", "simA", "simB"]) {
      const c = curves[name];
      if (!c || (name.startsWith("afa") && p.id !== "eps_g")) continue;
      c.columns.forEach((col, j) => { if (p.match(col)) series.push({name, col, j, curve: c}); });
    }
    if (series.length === 0 && p.id !== "eps_g") continue;
    let xlo = Infinity, xhi = -Infinity, ylo = Infinity, yhi = -Infinity;
    for (const s of series) {
      s.curve.t.forEach((t, i) => {
        const y = s.curve.rows[i][s.j];
        if (!(t > 0) || !isFinite(y) || (p.logY && !(y > 0))) return;
        xlo = Math.min(xlo, t); xhi = Math.max(xhi, t); ylo = Math.min(ylo, y); yhi = Math.max(yhi, y);
      });
    }
    if (!(xhi > xlo)) { xlo = 0.01; xhi = 100; }
    if (!(yhi > ylo)) { ylo = p.logY ? Math.max(ylo / 2, 1e-6) || 1e-3 : ylo - 1 || -1; yhi = p.logY ? (yhi * 2 || 1) : yhi + 1 || 1; }
    if (!p.logY) { const m = 0.05 * (yhi - ylo); ylo -= m; yhi += m; }
    const lx = v => Math.log10(v);
    const X = t => PAD.l + (lx(t) - lx(xlo)) / (lx(xhi) - lx(xlo)) * (W - PAD.l - PAD.r);
    const Y = y => p.logY ? H - PAD.b - (lx(y) - lx(ylo)) / (lx(yhi) - lx(ylo)) * (H - PAD.t - PAD.b)
                          : H - PAD.b - (y - ylo) / (yhi - ylo) * (H - PAD.t - PAD.b);
    const svg = el("svg", {width: W, height: H, class: "panel", id: "panel-" + p.id, "data-panel": p.id});
    box.appendChild(svg);
    el("text", {x: PAD.l, y: 15, class: "title"}, svg).textContent = p.title;
    for (const v of ticks(xlo, xhi, true)) {
      el("line", {x1: X(v), x2: X(v), y1: PAD.t, y2: H - PAD.b, class: "grid"}, svg);
      el("text", {x: X(v), y: H - PAD.b + 14, "text-anchor": "middle"}, svg).textContent = fmt(v);
    }
    for (const v of ticks(ylo, yhi, p.logY)) {
      el("line", {x1: PAD.l, x2: W - PAD.r, y1: Y(v), y2: Y(v), class: "grid"}, svg);
      el("text", {x: PAD.l - 4, y: Y(v) + 4, "text-anchor": "end"}, svg).textContent = fmt(v);
    }
    el("rect", {x: PAD.l, y: PAD.t, width: W - PAD.l - PAD.r, height: H - PAD.t - PAD.b, fill: "none", class: "axis"}, svg);
    el("text", {x: (W + PAD.l) / 2, y: H - 4, "text-anchor": "middle"}, svg).textContent = "t (log)";
    // one colour per column, the same in A, B and the simulations
    const colOrder = [...new Set(series.filter(s => !s.name.startsWith("afa")).map(s => s.col))];
    if (series.some(s => s.name.startsWith("afa"))) {
      el("text", {x: PAD.l + 6, y: H - PAD.b - 6, fill: "#666"}, svg).textContent = "grey: afa closed form (first order in F)";
    }
    for (const s of series) {
      const color = COLORS[Math.max(0, colOrder.indexOf(s.col)) % COLORS.length];
      const ts = [], ys = [], pts = [];
      s.curve.t.forEach((t, i) => {
        const y = s.curve.rows[i][s.j];
        if (!(t > 0) || !isFinite(y) || (p.logY && !(y > 0))) return;
        ts.push(s.curve.raw[i].split(",")[0]); ys.push(s.curve.raw[i].split(",")[s.j + 1]);
        pts.push(X(t).toFixed(2) + "," + Y(y).toFixed(2));
      });
      const data = {"data-curve": s.name, "data-column": s.col, "data-t": ts.join(" "), "data-y": ys.join(" ")};
      if (s.name.startsWith("sim")) {
        const g = el("g", Object.assign({class: "series markers"}, data), svg);
        // simulation of A: filled markers; of B: open ones
        const open = s.name === "simB";
        pts.forEach(pt => { const [cx, cy] = pt.split(","); el("circle", {cx, cy, r: 2.6, fill: open ? "white" : color,
          stroke: open ? color : "white", "stroke-width": open ? 1.2 : 0.6}, g); });
      } else if (s.name.startsWith("afa")) {
        el("polyline", Object.assign({class: "series", points: pts.join(" "), fill: "none", stroke: "#888",
          "stroke-width": 1.3, "stroke-dasharray": s.name === "afaB" ? "6 4" : "2 2"}, data), svg);
      } else {
        el("polyline", Object.assign({class: "series", points: pts.join(" "), fill: "none", stroke: color,
          "stroke-width": 1.8, "stroke-dasharray": s.name === "B" ? "6 4" : "none"}, data), svg);
      }
    }
    // legend: the columns of this panel
    colOrder.slice(0, 10).forEach((col, i) => {
      const x = W - PAD.r - 70, y = PAD.t + 12 + 12 * i;
      el("line", {x1: x, x2: x + 14, y1: y - 4, y2: y - 4, stroke: COLORS[i % COLORS.length], "stroke-width": 2}, svg);
      el("text", {x: x + 18, y}, svg).textContent = col;
    });
  }
}

// ---- state in the URL ----
function writeUrl() {
  const q = new URLSearchParams();
  for (const set of SETS) {
    if (set === "B" && !$("compare").checked) continue;
    for (const c of CONTROLS) q.set((set === "B" ? "b." : "") + c.key, $(set + "-" + c.key).value);
  }
  if ($("compare").checked) q.set("compare", "1");
  if ($("simulate").checked) q.set("simulate", "1");
  history.replaceState(null, "", "?" + q.toString());
}

function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const set of SETS) {
    for (const c of CONTROLS) {
      const v = q.get((set === "B" ? "b." : "") + c.key);
      if (v !== null) $(set + "-" + c.key).value = v;
    }
  }
  $("compare").checked = q.get("compare") === "1";
  $("simulate").checked = q.get("simulate") === "1";
  $("set-B").hidden = !$("compare").checked;
}

// ---- downloads ----
function download(name, type, text) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], {type}));
  a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
}

function csvOf(curve) {
  return curve.header + "\n" + curve.raw.map(r => r + "\n").join("");
}

async function setup() {
  try {
    MODEL = await (await fetch("/api/model")).json();
  } catch (e) { /* no server registry: the controls offer the defaults only */ }
  for (const c of CONTROLS) {
    if (c.key === "rule") c.options = Object.keys(MODEL.rules).length ? Object.keys(MODEL.rules) : [c.def];
    if (c.key === "activation") c.options = Object.keys(MODEL.activations).length ? Object.keys(MODEL.activations) : [c.def];
  }
  for (const set of SETS) buildControls(set);
  readUrl();
  $("compare").addEventListener("change", () => {
    if ($("compare").checked && !new URLSearchParams(location.search).has("b.rule")) {
      for (const c of CONTROLS) $("B-" + c.key).value = $("A-" + c.key).value; // B starts as a copy of A
    }
    $("set-B").hidden = !$("compare").checked;
    writeUrl(); run("B");
  });
  $("simulate").addEventListener("change", () => { writeUrl(); run("A"); if ($("compare").checked) run("B"); });
  $("download-config").addEventListener("click", () =>
    download("pepita-config.json", "application/json", JSON.stringify(config("A", false), null, 2) + "\n"));
  $("download-csv").addEventListener("click", () => {
    if (curves.A && curves.A.header) download("metrics.csv", "text/csv", csvOf(curves.A));
  });
  $("download-notebook").addEventListener("click", async () => {
    const shown = [];
    for (const name of ["A", "B", "simA", "simB"]) {
      const c = curves[name];
      if (c && c.header && c.raw.length) {
        shown.push({name, kind: name.startsWith("sim") ? "simulation" : "ode", config: c.config, csv: csvOf(c)});
      }
    }
    const r = await fetch("/api/notebook", {method: "POST", body: JSON.stringify({curves: shown})});
    const text = await r.text();
    if (r.ok) download("pepita-serve.ipynb", "application/x-ipynb+json", text);
    else $("message-A").textContent = text;
  });
  run("A");
  if ($("compare").checked) run("B");
  // leaving the page closes its streams, so the server stops their runs even if the browser keeps
  // the page frozen in its back-forward cache; coming back from there starts them again
  window.addEventListener("pagehide", () => { for (const name of Object.keys(streams)) stop(name); });
  window.addEventListener("pageshow", e => {
    if (e.persisted) { run("A"); if ($("compare").checked) run("B"); }
  });
}

window.pepitaExplorer = {curves};
setup();
