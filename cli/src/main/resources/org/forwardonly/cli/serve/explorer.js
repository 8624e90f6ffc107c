// The explorer page of `pepita serve`: controls -> config -> server-sent events -> SVG panels.
// No library: the panels are SVG drawn here, so the page needs nothing from the internet.
"use strict";

// The rules and activations and what each supports, from the server's registry (GET /api/model, setup()):
// {rules: {name: {label, closedForm, usesF, modulatedPass, firstOrder, controlVariate}}, activations: {name: {closedForm}},
//  defaultRule, defaultActivation}
let MODEL = {rules: {}, activations: {}};

// The controls of one parameter set: config key, label, kind, default; numbers have a slider (min, max, step)
// beside their typed box, which takes any value (the slider only covers the usual range). A default of ""
// means the key is left out of the config, so the CLI's default applies (η_v = η, the teacher's g = the student's).
// The options of rule and activations, and the rule the page opens on, are the server's (setup()).
const CONTROLS = [
  {key: "rule", label: "rule", options: [], def: ""},
  {key: "activation", label: "activation g", options: [], def: ""},
  {key: "teacherActivation", label: "teacher's g", options: [""], names: {"": "= g"}, def: ""},
  {key: "K", label: "K (student)", min: 1, max: 10, step: 1, def: 2},
  {key: "M", label: "M (teacher)", min: 1, max: 10, step: 1, def: 2},
  {key: "eta", label: "η", min: 0, max: 5, step: 0.05, def: 1},
  {key: "etaV", label: "η_v", min: 0, max: 5, step: 0.05, def: "", placeholder: "= η", follows: "eta"},
  {key: "sigma", label: "σ (label noise)", min: 0, max: 1, step: 0.01, def: 0},
  {key: "sigmaF", label: "σ_F (feedback)", min: 0, max: 2, step: 0.01, def: 0.5},
  {key: "modulationSign", label: "s (modulation)", options: ["-1", "1"], def: "-1"},
  {key: "lastLayer", label: "last layer learns from", options: ["htilde", "h"], names: {htilde: "h̃ (modulated)", h: "h"}, def: "htilde"},
  {key: "mirroring", label: "weight mirroring", options: ["off", "on"], def: "off"},
  {key: "mirroring.etaWm", label: "η_wm (mirroring)", min: 0, max: 2, step: 0.05, def: 0.5, when: "mirroring"},
  {key: "mirroring.lambdaWm", label: "λ_wm (decay of F)", min: 0, max: 2, step: 0.05, def: 1, when: "mirroring"},
  {key: "seed", label: "seed of the start", min: 0, max: 50, step: 1, def: 0},
  {key: "alignF", label: "alignment of F", min: -1, max: 1, step: 0.05, def: 0},
  {key: "N", label: "N (start, simulation)", min: 100, max: 5000, step: 100, def: 500},
  {key: "seeds", label: "seeds (simulation)", min: 1, max: 16, step: 1, def: 1},
  {key: "integrator", label: "integrator", options: ["dp853", "dp54", "rk4", "euler"], def: "dp853"},
  {key: "tMax", label: "t max", min: 10, max: 2000, step: 10, def: 100},
];
const SETS = ["A", "B"];
// The panels: every column of pepita ode's metrics.csv (docs/columns.md) has one; `_se` columns are not drawn.
const PANELS = [
  {id: "eps_g", title: "ε_g(t), generalisation error", family: "eps_g", match: c => c === "eps_g", logY: true},
  {id: "Q", title: "Q (student-student)", family: "Q_k_l", match: c => /^Q_\d+_\d+$/.test(c)},
  {id: "R", title: "R (student-teacher)", family: "R_k_m", match: c => /^R_\d+_\d+$/.test(c)},
  {id: "v", title: "v (second layer)", family: "v_k", match: c => /^v_\d+$/.test(c)},
  {id: "c", title: "c = w_k·F/√N (student-feedback)", family: "c_k", match: c => /^c_\d+$/.test(c)},
  {id: "d", title: "d = w*_m·F/√N (teacher-feedback)", family: "d_m", match: c => /^d_\d+$/.test(c)},
  {id: "P", title: "P = |F|²", family: "P", match: c => c === "P"},
  {id: "cos_v_feedback", title: "cos∠(v, b), alignment", family: "cos∠(v, b)", match: c => c === "cos_v_feedback"},
  {id: "c_norm", title: "|c|", family: "|c|", match: c => c === "c_norm"},
];
// up to LIST_MAX columns per panel get a colour and a legend entry each; more get one entry with a colour scale
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
const LIST_MAX = COLORS.length;
// viridis at 0, 1/4, ..., 1 (matplotlib's), interpolated: a scale that stays readable in grey
const SCALE = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
const SCALE_END = 0.88;
const TAB = Math.random().toString(36).slice(2, 10);

// curves: A, B (ODE), firstA, firstB (the closed form of the rule's first order in F beside it, e.g. AFA's beside
// PEPITA) and simA, simB (simulation):
// {config, header, columns, t[], rows[][], raw[], state, message, engine}
const curves = {};
const streams = {};
// the one-line messages of the curves shown (an invalid config, a divergence, a lost connection), by curve
const messages = {};
let redrawPending = false;

function $(id) { return document.getElementById(id); }

function control(key) { return CONTROLS.find(c => c.key === key); }

function buildControls(set) {
  const box = $("set-" + set);
  for (const c of CONTROLS) {
    const label = document.createElement("label");
    label.id = set + "-" + c.key + "-row";
    const name = document.createElement("span");
    name.textContent = c.label;
    label.appendChild(name);
    let input;
    if (c.options) {
      input = document.createElement("select");
      for (const o of c.options) {
        const opt = document.createElement("option");
        opt.value = o; opt.textContent = (c.names && c.names[o]) || o;
        input.appendChild(opt);
      }
      input.className = "wide";
    } else {
      // the slider sets the box; the box (any value the config allows) moves the slider where it can
      const slider = document.createElement("input");
      slider.type = "range"; slider.min = c.min; slider.max = c.max; slider.step = c.step;
      slider.id = set + "-" + c.key + "-slider";
      slider.setAttribute("aria-label", c.label + " (slider)");
      slider.addEventListener("input", () => { $(set + "-" + c.key).value = slider.value; changed(set); });
      label.appendChild(slider);
      input = document.createElement("input");
      input.type = "number";
      input.step = c.step;
      if (c.placeholder) input.placeholder = c.placeholder;
      input.addEventListener("input", () => syncSlider(set, c));
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
  for (const kind of ["", "first", "sim"]) {
    const p = document.createElement("div");
    p.className = "progress"; p.id = "progress-" + kind + set;
    box.appendChild(p);
  }
  syncControls(set);
}

// A slider shows its box's value; an empty box that follows another key (η_v = η) shows that key's value.
function syncSlider(set, c) {
  const slider = $(set + "-" + c.key + "-slider");
  if (!slider) return;
  let raw = $(set + "-" + c.key).value.trim();
  if (raw === "" && c.follows) raw = $(set + "-" + c.follows).value.trim();
  if (raw !== "" && isFinite(Number(raw))) slider.value = raw;
  slider.classList.toggle("following", $(set + "-" + c.key).value.trim() === "" && !!c.follows);
}

// The rows that only matter with another setting (mirroring's rates) are hidden without it.
function syncControls(set) {
  for (const c of CONTROLS) {
    if (!c.options) syncSlider(set, c);
    if (c.when) $(set + "-" + c.key + "-row").hidden = $(set + "-" + c.when).value !== "on";
  }
}

// The config of a set: numbers as numbers; text that is not a number is sent as it is, so the
// server names the key in its one-line message. Empty boxes are left out (the CLI's default).
function config(set, forSimulation) {
  const cfg = {};
  for (const c of CONTROLS) {
    const raw = $(set + "-" + c.key).value.trim();
    if (raw === "" || c.key === "mirroring") continue;
    const value = c.options ? (c.key === "modulationSign" ? Number(raw) : raw)
                            : isFinite(Number(raw)) ? Number(raw) : raw;
    if (c.key.includes(".")) {
      const [outer, inner] = c.key.split(".");
      if ($(set + "-" + outer).value !== "on") continue;
      cfg[outer] = cfg[outer] || {};
      cfg[outer][inner] = value;
    } else cfg[c.key] = value;
  }
  if ($(set + "-mirroring").value === "on" && !cfg.mirroring) cfg.mirroring = {};
  // the line is one seed's ODE (pepita ode's), unless the simulation overlay averages several seeds: then the
  // server sends the mean of each seed's ODE, so that line and markers are averaged alike (docs/serve.md)
  if (!forSimulation && !($("simulate").checked && cfg.seeds > 1)) delete cfg.seeds;
  cfg.timeSpacing = "log";
  cfg.nTimes = forSimulation ? 30 : 100;
  return cfg;
}

const timers = {};
function changed(set) {
  syncControls(set);
  writeUrl();
  clearTimeout(timers[set]);
  timers[set] = setTimeout(() => run(set), 120);
}

// Removes a curve: its stream, its drawing, its status line and its message.
function drop(name) {
  stop(name);
  delete curves[name];
  delete messages[name];
  const el = $("progress-" + name);
  el.textContent = ""; el.dataset.state = "";
  showMessages(name.slice(-1));
  scheduleRedraw();
}

function run(set) {
  if (set === "B" && !$("compare").checked) {
    for (const n of ["B", "firstB", "simB"]) drop(n);
    return;
  }
  const cfg = config(set, false);
  start(set, "/api/ode/stream", cfg);
  // PEPITA runs on the exact engine; AFA's closed form (PEPITA to first order in F, docs/model.md §5)
  // is drawn at once beside it, where it exists: the rule's first order, for a rule whose exact engine is
  // built on it (controlVariate), with an activation that has closed forms, one g for both networks, no mirroring
  const rule = MODEL.rules[cfg.rule], g = MODEL.activations[cfg.activation];
  if (rule && rule.controlVariate && g && g.closedForm && (!cfg.teacherActivation || cfg.teacherActivation === cfg.activation)
      && !cfg.mirroring) {
    start("first" + set, "/api/ode/stream", Object.assign({}, cfg, {rule: rule.firstOrder}));
  } else drop("first" + set);
  if ($("simulate").checked) start("sim" + set, "/api/simulate/stream", config(set, true));
  else drop("sim" + set);
}

function stop(name) {
  if (streams[name]) { streams[name].close(); delete streams[name]; }
}

// One run as server-sent events; a newer run of the same curve closes this one (and the server,
// told by the slot, stops computing it).
function start(name, path, cfg) {
  stop(name);
  const previous = curves[name] && curves[name].state === "done" ? curves[name] : null;
  const curve = {config: cfg, header: null, columns: [], t: [], rows: [], raw: [], state: "running", message: "", engine: ""};
  curves[name] = curve;
  delete messages[name];
  showMessages(name.slice(-1));
  setStatus(name, curve);
  const url = path + "?slot=" + TAB + "-" + name + "&config=" + encodeURIComponent(JSON.stringify(cfg));
  const es = new EventSource(url);
  streams[name] = es;
  es.addEventListener("start", e => {
    const s = JSON.parse(e.data);
    curve.header = s.header; curve.columns = s.header.split(",").slice(1); curve.tEnd = s.tEnd; curve.engine = s.engine;
    setStatus(name, curve);
  });
  es.addEventListener("row", e => {
    const cells = e.data.split(",");
    curve.raw.push(e.data);
    curve.t.push(Number(cells[0]));
    curve.rows.push(cells.slice(1).map(Number));
    curve.progress = Number(cells[0]);
    scheduleRedraw();
  });
  es.addEventListener("progress", e => { curve.progress = Number(e.data); setStatus(name, curve); });
  es.addEventListener("invalid", e => {
    finish(name, curve, "invalid", e.data);
    if (previous) { curves[name] = previous; scheduleRedraw(); } // the last good curve stays
  });
  es.addEventListener("diverged", e => { curve.message = e.data; curve.state = "diverged"; });
  es.addEventListener("done", () => { finish(name, curve, curve.state === "diverged" ? "diverged" : "done", curve.message); });
  es.onerror = () => { if (streams[name] === es) finish(name, curve, "failed", "the connection to pepita serve was lost"); };
}

function finish(name, curve, state, message) {
  if (curves[name] !== curve) return; // a newer run of this curve has replaced it
  const es = streams[name];
  if (es) { es.close(); delete streams[name]; } // no automatic reconnection
  curve.state = state; curve.message = message || "";
  if (state === "invalid" || state === "diverged" || state === "failed") messages[name] = curve.message;
  setStatus(name, curve);
  showMessages(name.slice(-1));
  scheduleRedraw();
}

// The status line of one curve, for the run now on (a curve that was dropped has none).
function setStatus(name, curve) {
  const sim = name.startsWith("sim");
  const el = $("progress-" + name);
  el.dataset.state = curve.state;
  const what = sim ? "simulation" : name.startsWith("first") ? curve.config.rule + ", first order in F" : (curve.engine || "ODE");
  if (curve.state === "running") {
    const frac = curve.tEnd ? Math.min(1, (curve.progress || 0) / curve.tEnd) : 0;
    el.innerHTML = "";
    el.append(what + ": ");
    const bar = document.createElement("progress");
    bar.max = 1; bar.value = frac;
    el.append(bar, " t = " + (curve.progress || 0).toPrecision(3) + (curve.tEnd ? " / " + curve.tEnd : ""));
  } else if (curve.state === "done") {
    el.textContent = what + ": done, " + curve.t.length + " samples";
  } else if (curve.state === "diverged") {
    el.textContent = what + ": diverged, " + curve.t.length + " samples kept";
  } else {
    el.textContent = "";
  }
}

// The messages of a set: those of its curves now on, each once (the first order's invalid config is the set's own).
function showMessages(set) {
  const lines = [];
  for (const name of [set, "first" + set, "sim" + set]) {
    const m = messages[name];
    if (!m) continue;
    const first = name.startsWith("first");
    const prefix = name.startsWith("sim") ? "simulation: " : first ? ruleOf(name) + ": " : "";
    if (first && messages[set] === m) continue;
    lines.push(prefix + m);
  }
  $("message-" + set).textContent = lines.join("\n");
}

// The rule a curve runs (the first order's, for a first-order curve), as the registry names it.
function ruleOf(name) {
  return curves[name] ? curves[name].config.rule : "";
}

function scheduleRedraw() {
  if (redrawPending) return;
  redrawPending = true;
  requestAnimationFrame(() => { redrawPending = false; redraw(); });
}

// ---- SVG panels ----
// the plot area, then a legend column to its right (never on the data)
const W = 430, H = 240, LEG = 112, PAD = {l: 52, r: 8 + LEG, t: 24, b: 32};
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

function scaleColor(f) {
  const x = Math.max(0, Math.min(1, f)) * (SCALE.length - 1), i = Math.min(SCALE.length - 2, Math.floor(x)), u = x - i;
  const c = SCALE[i].map((a, j) => Math.round(a + u * (SCALE[i + 1][j] - a)));
  return "rgb(" + c.join(",") + ")";
}

// The colour of each column of a panel: a palette entry each when they are few, else a place on the scale.
function colorsOf(cols) {
  const out = {};
  cols.forEach((col, i) => {
    // the scale stops short of viridis' palest yellow, which is hard to see on white
    out[col] = cols.length <= LIST_MAX ? COLORS[i] : scaleColor(SCALE_END * i / (cols.length - 1));
  });
  return out;
}

// The line-style key of the view (A solid, B dashed, simulations as markers, first order grey), one strip over the panels.
function drawKey(box) {
  const items = [];
  const has = n => curves[n] && curves[n].columns.length;
  if (has("A")) items.push({text: "A: ODE", line: "none"});
  if (has("B")) items.push({text: "B: ODE (dashed)", line: "6 4"});
  if (has("simA")) items.push({text: "A: simulation", marker: "filled"});
  if (has("simB")) items.push({text: "B: simulation", marker: "open"});
  if (has("firstA")) items.push({text: "A: " + ruleOf("firstA") + " closed form", line: "2 2", grey: true});
  if (has("firstB")) items.push({text: "B: " + ruleOf("firstB") + " closed form", line: "6 4", grey: true});
  const svg = el("svg", {width: 2 * W + 8, height: 22, class: "panel key", id: "key"});
  box.appendChild(svg);
  let x = 8;
  for (const it of items) {
    const color = it.grey ? "#888" : "#333";
    if (it.marker) el("circle", {cx: x + 9, cy: 11, r: 3, fill: it.marker === "open" ? "white" : color, stroke: color, "stroke-width": 1.2}, svg);
    else el("line", {x1: x, x2: x + 18, y1: 11, y2: 11, stroke: color, "stroke-width": 1.8, "stroke-dasharray": it.line}, svg);
    const t = el("text", {x: x + 23, y: 15}, svg);
    t.textContent = it.text;
    x += 30 + 6.2 * it.text.length;
  }
}

// The legend column of a panel: one entry per column when they are few, else the family with its colour scale.
function drawLegend(svg, p, cols, colors) {
  const x = W - LEG + 4;
  if (cols.length <= 1 && (cols[0] === p.id || cols.length === 0)) return; // one series, named by the title
  if (cols.length <= LIST_MAX) {
    cols.forEach((col, i) => {
      const y = PAD.t + 10 + 14 * i;
      el("line", {x1: x, x2: x + 16, y1: y - 4, y2: y - 4, stroke: colors[col], "stroke-width": 2}, svg);
      el("text", {x: x + 20, y, class: "legend-entry"}, svg).textContent = col;
    });
    return;
  }
  el("text", {x, y: PAD.t + 10, class: "legend-entry"}, svg).textContent = p.family + ": " + cols.length;
  const gid = "scale-" + p.id;
  const grad = el("linearGradient", {id: gid, x1: 0, x2: 0, y1: 0, y2: 1}, el("defs", {}, svg));
  for (let i = 0; i <= 8; i++) el("stop", {offset: i / 8, "stop-color": scaleColor(SCALE_END * i / 8)}, grad);
  const top = PAD.t + 20, h = H - PAD.t - PAD.b - 30;
  el("rect", {x, y: top, width: 12, height: h, fill: "url(#" + gid + ")", class: "legend-scale"}, svg);
  el("text", {x: x + 16, y: top + 9, class: "legend-entry"}, svg).textContent = cols[0];
  el("text", {x: x + 16, y: top + h, class: "legend-entry"}, svg).textContent = cols[cols.length - 1];
  el("text", {x: x + 16, y: top + h / 2 + 4, class: "legend-note"}, svg).textContent = "in header order";
}

function redraw() {
  const box = $("panels");
  box.innerHTML = "";
  drawKey(box);
  for (const p of PANELS) {
    // the series of this panel: [curveName, column, index]
    const series = [];
    for (const name of ["A", "B", "firstA", "firstB", "simA", "simB"]) {
      const c = curves[name];
      if (!c || (name.startsWith("first") && p.id !== "eps_g")) continue;
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
    // a constant (P without mirroring) gets a range around it, not ticks that round to one label
    const mid = (ylo + yhi) / 2;
    if (!p.logY && yhi - ylo < 1e-6 * Math.max(1e-12, Math.abs(mid))) { const m = Math.abs(mid) * 0.05 || 0.5; ylo = mid - m; yhi = mid + m; }
    if (!p.logY) { const m = 0.05 * (yhi - ylo); ylo -= m; yhi += m; }
    const lx = v => Math.log10(v);
    const X = t => PAD.l + (lx(t) - lx(xlo)) / (lx(xhi) - lx(xlo)) * (W - PAD.l - PAD.r);
    const Y = y => p.logY ? H - PAD.b - (lx(y) - lx(ylo)) / (lx(yhi) - lx(ylo)) * (H - PAD.t - PAD.b)
                          : H - PAD.b - (y - ylo) / (yhi - ylo) * (H - PAD.t - PAD.b);
    const svg = el("svg", {width: W, height: H, class: "panel", id: "panel-" + p.id, "data-panel": p.id}, box);
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
    el("text", {x: PAD.l + (W - PAD.l - PAD.r) / 2, y: H - 4, "text-anchor": "middle"}, svg).textContent = "t (log)";
    // one colour per column, the same in A, B and the simulations
    const cols = [...new Set(series.filter(s => !s.name.startsWith("first")).map(s => s.col))];
    const colors = colorsOf(cols);
    for (const s of series) {
      const color = colors[s.col] || COLORS[0];
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
      } else if (s.name.startsWith("first")) {
        el("polyline", Object.assign({class: "series", points: pts.join(" "), fill: "none", stroke: "#888",
          "stroke-width": 1.3, "stroke-dasharray": s.name === "firstB" ? "6 4" : "2 2"}, data), svg);
      } else {
        el("polyline", Object.assign({class: "series", points: pts.join(" "), fill: "none", stroke: color,
          "stroke-width": cols.length > LIST_MAX ? 1.2 : 1.8, "stroke-dasharray": s.name === "B" ? "6 4" : "none"}, data), svg);
      }
    }
    drawLegend(svg, p, cols, colors);
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
    syncControls(set);
  }
  $("compare").checked = q.get("compare") === "1";
  $("simulate").checked = q.get("simulate") === "1";
  $("set-B").hidden = !$("compare").checked;
}

// ---- downloads ----
function downloadBlob(name, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

function download(name, type, text) {
  downloadBlob(name, new Blob([text], {type}));
}

function csvOf(curve) {
  return curve.header + "\n" + curve.raw.map(r => r + "\n").join("");
}

// The panels' look, written into the exported SVG (which has no page stylesheet); as in explorer.css.
const EXPORT_STYLE = "text{font-family:system-ui,sans-serif;font-size:11px;fill:#333}.title{font-size:13px;font-weight:600}"
  + ".grid{stroke:#eee}.axis{stroke:#888}.legend-note{font-size:10px;fill:#777}";

// The view as one SVG document: the key and the panels where the page shows them, on white.
function viewSvg() {
  const box = $("panels"), origin = box.getBoundingClientRect();
  const parts = Array.from(box.querySelectorAll(":scope > svg"));
  let w = 0, h = 0;
  const placed = parts.map(s => {
    const r = s.getBoundingClientRect(), x = r.left - origin.left, y = r.top - origin.top;
    w = Math.max(w, x + r.width); h = Math.max(h, y + r.height);
    return {s, x, y};
  });
  w = Math.ceil(w + 4); h = Math.ceil(h + 4);
  const out = el("svg", {xmlns: SVGNS, width: w, height: h, viewBox: "0 0 " + w + " " + h});
  el("style", {}, out).textContent = EXPORT_STYLE;
  el("rect", {x: 0, y: 0, width: w, height: h, fill: "white"}, out);
  for (const {s, x, y} of placed) {
    const copy = s.cloneNode(true);
    copy.setAttribute("x", x.toFixed(1)); copy.setAttribute("y", y.toFixed(1));
    out.appendChild(copy);
  }
  return {text: new XMLSerializer().serializeToString(out), w, h};
}

function exportSvg() {
  download("pepita-explorer.svg", "image/svg+xml", viewSvg().text);
}

// PNG at twice the page's pixels: the SVG drawn on a canvas (no external resources, so the canvas stays clean)
function exportPng() {
  const {text, w, h} = viewSvg();
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = 2 * w; canvas.height = 2 * h;
    const g = canvas.getContext("2d");
    g.scale(2, 2);
    g.drawImage(img, 0, 0);
    canvas.toBlob(b => downloadBlob("pepita-explorer.png", b), "image/png");
  };
  img.onerror = () => { $("message-A").textContent = "the PNG export failed: the view's SVG did not load as an image"; };
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
}

async function setup() {
  try {
    MODEL = await (await fetch("/api/model")).json();
  } catch (e) { /* no server registry: the controls offer the defaults only */ }
  for (const c of CONTROLS) {
    if (c.key === "rule" && MODEL.defaultRule) c.def = MODEL.defaultRule;
    if (c.key === "activation" && MODEL.defaultActivation) c.def = MODEL.defaultActivation;
    if (c.key === "rule") c.options = Object.keys(MODEL.rules).length ? Object.keys(MODEL.rules) : [c.def];
    if (c.key === "activation") c.options = Object.keys(MODEL.activations).length ? Object.keys(MODEL.activations) : [c.def];
    if (c.key === "teacherActivation") c.options = [""].concat(Object.keys(MODEL.activations));
  }
  for (const set of SETS) buildControls(set);
  readUrl();
  $("compare").addEventListener("change", () => {
    if ($("compare").checked && !new URLSearchParams(location.search).has("b.rule")) {
      for (const c of CONTROLS) $("B-" + c.key).value = $("A-" + c.key).value; // B starts as a copy of A
      syncControls("B");
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
  $("download-png").addEventListener("click", exportPng);
  $("download-svg").addEventListener("click", exportSvg);
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
