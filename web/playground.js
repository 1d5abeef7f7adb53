// playground.js: the live playground page (web/playground.html). It only draws.
//
// Everything it shows comes from the WebAssembly module (web/playground_wasm.cpp), which is the
// native playground compiled for the browser: the lists of surfaces, optimizers and schedules,
// which flags each reads and their defaults (gd_catalog), each run's trace and messages
// (gd_run: the playground's own command line in, its CSV trace, stdout and stderr out), and the
// surface's values for the contour map (gd_surface_grid). No update rule, default or name is
// written here. A bad value goes to the module like any other, and its one-line refusal is shown
// beside the field it names.
"use strict";

const MAX_STEPS = 100000;  // the page's own limit: a longer trace takes seconds and megabytes
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
const PALETTE = [[0, [0xfb, 0xfd, 0xff]], [0.45, [0xdb, 0xe9, 0xf6]], [0.8, [0xa9, 0xc9, 0xe4]],
                 [1, [0x7a, 0xa6, 0xcf]]];  // the book's contour maps (common/plot/contour.hpp)
const FIRST_VISIT = "function=rosenbrock&start=-1.5,2&steps=600" +
  "&run=--optimizer sgd --lr 0.001 --momentum 0.9&run=--optimizer adam --lr 0.05" +
  "&run=--optimizer rmsprop --lr 0.01";

const $ = (id) => document.getElementById(id);
let M, catalog, flagInfo = {}, racerCount = 0, results = [], animation = null, mapCache = null;

// ---- the module -------------------------------------------------------------------------------

function runPlayground(words) {
  return JSON.parse(M.ccall("gd_run", "string", ["string"], [words.join("\n")]));
}

function surfaceGrid(name, nx, ny) {
  const ptr = M.ccall("gd_surface_grid", "number", ["string", "number", "number"], [name, nx, ny]);
  return ptr ? Float64Array.from(M.HEAPF64.subarray(ptr / 8, ptr / 8 + nx * ny)) : null;
}

function readTrace(csv) {
  const lines = csv.trim().split("\n").slice(1);
  return { rows: lines.map((l) => l.split(",").map(Number)).filter((r) => r.every(isFinite)),
           last: lines[lines.length - 1].split(",") };
}

// ---- the form -----------------------------------------------------------------------------------

function option(select, value, label) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label || value;
  select.appendChild(o);
}

// A field for one flag: a text box (a checkbox for a flag without value), its default as the
// placeholder, the flag's help from the C++ as its caption, and a slot for the module's message.
function field(flagName, value, placeholder) {
  const f = flagInfo[flagName];
  const row = document.createElement("div");
  row.className = "pg-row pg-flag";
  const id = `pg-f${racerCount}-${flagName.slice(2)}-${Math.random().toString(36).slice(2, 7)}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = flagName.slice(2);
  label.title = f.help;
  const input = document.createElement("input");
  input.id = id;
  input.dataset.flag = flagName;
  if (f.value) {
    input.type = "text";
    input.inputMode = "decimal";
    input.placeholder = placeholder;
    input.value = value === undefined ? "" : value;
  } else {
    input.type = "checkbox";
    input.checked = value !== undefined;
  }
  const help = document.createElement("small");
  help.textContent = f.help;
  const msg = document.createElement("span");
  msg.className = "pg-msg";
  msg.dataset.for = flagName;
  row.append(label, input, msg, help);
  return row;
}

function placeholderOf(flagName, optimizer, schedule) {
  if (flagName === "--lr" && optimizer) {
    return optimizer.lr_default !== null ? String(optimizer.lr_default) : "required";
  }
  if (schedule && new RegExp(` needs ${flagName.slice(2).replace(/-/g, "_")} `)
      .test(schedule.needs)) {
    return "required";
  }
  const d = flagInfo[flagName].default;
  return d === "nan" ? "torch's default" : d;
}

// The words a racer's fields say: --optimizer NAME, then every flag whose field is filled in.
function racerWords(racer) {
  const words = ["--optimizer", racer.querySelector(".pg-optimizer").value];
  const schedule = racer.querySelector(".pg-schedule").value;
  const fill = (box) => box.querySelectorAll("input").forEach((input) => {
    if (input.type === "checkbox") {
      if (input.checked) words.push(input.dataset.flag);
    } else if (input.value.trim() !== "") {
      words.push(input.dataset.flag, input.value.trim());
    }
  });
  fill(racer.querySelector(".pg-opt-fields"));
  const before = words.length;
  fill(racer.querySelector(".pg-sched-fields"));
  if (schedule !== "constant" || words.length > before) {
    words.splice(before, 0, "--schedule", schedule);
  }
  const more = racer.querySelector(".pg-more").value.trim();
  return more ? words.concat(more.split(/\s+/)) : words;
}

function addRacer(words) {
  const given = {}, extra = [];
  let optimizer = catalog.optimizers[0].name, schedule = "constant";
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const f = flagInfo[w];
    if (w === "--optimizer") optimizer = words[++i];
    else if (w === "--schedule") schedule = words[++i];
    else if (f && f.value) given[w] = words[++i];
    else if (f) given[w] = true;
    else extra.push(w);
  }
  const index = racerCount++;
  const racer = document.createElement("fieldset");
  racer.className = "pg-racer";
  racer.dataset.index = index;
  const legend = document.createElement("legend");
  const swatch = document.createElement("span");
  swatch.className = "pg-swatch";
  const optSelect = document.createElement("select");
  optSelect.className = "pg-optimizer";
  optSelect.setAttribute("aria-label", "optimizer");
  catalog.optimizers.forEach((o) => option(optSelect, o.name));
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "pg-remove";
  remove.textContent = "remove";
  legend.append(swatch, optSelect, remove);
  const optFields = document.createElement("div");
  optFields.className = "pg-opt-fields";
  const schedRow = document.createElement("div");
  schedRow.className = "pg-row";
  const schedLabel = document.createElement("label");
  schedLabel.textContent = "schedule";
  const schedSelect = document.createElement("select");
  schedSelect.className = "pg-schedule";
  schedSelect.setAttribute("aria-label", "schedule");
  catalog.schedules.forEach((s) => option(schedSelect, s.name));
  const schedMsg = document.createElement("span");
  schedMsg.className = "pg-msg";
  schedMsg.dataset.for = "--schedule";
  schedRow.append(schedLabel, schedSelect, schedMsg);
  const schedFields = document.createElement("div");
  schedFields.className = "pg-sched-fields";
  // Any other flag of the playground, typed as on its command line.
  const moreRow = document.createElement("div");
  moreRow.className = "pg-row";
  const moreLabel = document.createElement("label");
  moreLabel.textContent = "more flags";
  const more = document.createElement("input");
  more.type = "text";
  more.className = "pg-more";
  more.placeholder = "e.g. --weight-decay 0.01";
  more.setAttribute("aria-label", "more flags");
  more.value = extra.join(" ");
  moreRow.append(moreLabel, more);
  const racerMsg = document.createElement("p");
  racerMsg.className = "pg-msg pg-racer-msg";
  racer.append(legend, optFields, schedRow, schedFields, moreRow, racerMsg);

  // The fields of the chosen optimizer and schedule; values typed so far are kept.
  const current = () => {
    const kept = {};
    racer.querySelectorAll("input[data-flag]").forEach((i) => {
      if (i.type === "checkbox" ? i.checked : i.value.trim() !== "") {
        kept[i.dataset.flag] = i.type === "checkbox" ? true : i.value;
      }
    });
    return kept;
  };
  const build = (values) => {
    const opt = catalog.optimizers.find((o) => o.name === optSelect.value);
    const sched = catalog.schedules.find((s) => s.name === schedSelect.value);
    optFields.replaceChildren(...opt.flags.map((f) =>
      field(f, values[f] === true ? "" : values[f], placeholderOf(f, opt, null))));
    schedFields.replaceChildren(...sched.flags.map((f) =>
      field(f, values[f] === true ? "" : values[f], placeholderOf(f, null, sched))));
  };
  optSelect.value = optimizer;
  schedSelect.value = schedule;
  if (optSelect.value !== optimizer) {  // a link naming an optimizer this build does not have
    racerMsg.textContent = `the link asks for optimizer '${optimizer}', which is not here`;
  }
  build(given);
  // A flag of the link that has no field here (this optimizer was not seen to read it) is kept
  // with the other flags, so the run is the one the link describes.
  for (const [flag, value] of Object.entries(given)) {
    if (!racer.querySelector(`input[data-flag="${flag}"]`)) {
      more.value = [more.value, flag, value === true ? "" : value].join(" ").trim();
    }
  }
  optSelect.addEventListener("change", () => {
    const values = current();
    const opt = catalog.optimizers.find((o) => o.name === optSelect.value);
    if (!values["--lr"] && opt.lr_default !== null) values["--lr"] = String(opt.lr_default);
    build(values);
  });
  schedSelect.addEventListener("change", () => build(current()));
  remove.addEventListener("click", () => {
    racer.remove();
    colorRacers();
  });
  $("pg-racers").appendChild(racer);
  colorRacers();
  return racer;
}

function colorRacers() {
  document.querySelectorAll(".pg-racer").forEach((r, i) => {
    r.querySelector(".pg-swatch").style.background = COLORS[i % COLORS.length];
    r.querySelector(".pg-remove").hidden = document.querySelectorAll(".pg-racer").length < 2;
  });
}

// ---- settings <-> permalink ------------------------------------------------------------------

function settings() {
  return {
    surface: $("pg-surface").value,
    start: $("pg-start").value.trim(),
    steps: $("pg-steps").value.trim(),
    racers: [...document.querySelectorAll(".pg-racer")].map(racerWords),
  };
}

function toHash(s) {
  const p = new URLSearchParams();
  p.set("function", s.surface);
  p.set("start", s.start);
  p.set("steps", s.steps);
  s.racers.forEach((words) => p.append("run", words.join(" ")));
  return "#" + p.toString();
}

function fromHash(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const surface = p.get("function");
  $("pg-surface").value = catalog.surfaces.some((s) => s.name === surface) ? surface
    : catalog.surfaces[0].name;
  $("pg-start").value = p.get("start") || "";
  $("pg-steps").value = p.get("steps") || "";
  $("pg-racers").replaceChildren();
  const runs = p.getAll("run");
  (runs.length ? runs : ["--optimizer " + catalog.optimizers[0].name])
    .forEach((r) => addRacer(r.trim().split(/\s+/)));
}

// ---- messages ----------------------------------------------------------------------------------

function clearMessages() {
  document.querySelectorAll(".pg-msg").forEach((m) => { m.textContent = ""; });
  document.querySelectorAll(".pg-bad").forEach((e) => e.classList.remove("pg-bad"));
}

// The field a message is about: the flag it names (--lr must be in ...), the parameter an
// optimizer or schedule refused (sgd: momentum must be ..., cosine needs t_max ...), else none.
function flagOf(message) {
  let m = /(--[a-z][a-z0-9-]*)/.exec(message);
  if (m) return m[1];
  m = /^[\w-]+: (\w+) (must|needs)/.exec(message) || / needs (\w+) \(/.exec(message);
  return m ? "--" + m[1].replace(/_/g, "-") : null;
}

function show(racer, message) {
  const flag = flagOf(message);
  const inRacer = flag && racer.querySelector(`.pg-msg[data-for="${flag}"]`);
  const global = flag &&
    document.querySelector(`.pg-setup > .pg-row > .pg-msg[data-for="${flag}"]`);
  const slot = inRacer || global || racer.querySelector(".pg-racer-msg");
  if (slot.textContent && slot.textContent !== message) slot.textContent += "; " + message;
  else slot.textContent = message;
  const input = inRacer ? inRacer.parentElement.querySelector("input, select")
    : global ? global.parentElement.querySelector("input, select") : null;
  if (input) input.classList.add("pg-bad");
}

// ---- running the race ---------------------------------------------------------------------------

function race() {
  clearMessages();
  const s = settings();
  history.replaceState(null, "", toHash(s));
  $("pg-permalink").href = toHash(s);
  $("pg-link-row").hidden = false;
  results = [];
  const racers = [...document.querySelectorAll(".pg-racer")];
  if (/^\d+$/.test(s.steps) && Number(s.steps) > MAX_STEPS) {
    show(racers[0], `--steps: this page draws at most ${MAX_STEPS} steps ` +
         "(build/bin/playground takes up to 10000000)");
  } else {
    racers.forEach((racer, i) => {
      const words = ["--function", s.surface, "--start", s.start, "--steps", s.steps]
        .concat(s.racers[i]);
      const r = runPlayground(words);
      if (r.code !== 0) {
        r.err.trim().split("\n").forEach((line) => show(racer, line.replace(/^playground: /, "")));
        return;
      }
      const trace = readTrace(r.trace);
      results.push({ index: i, color: COLORS[i % COLORS.length], words, csv: r.trace,
                     rows: trace.rows, last: trace.last, said: r.out.trim(),
                     diverged: /diverged/.test(r.out),
                     label: s.racers[i].filter((w, k) => k !== 0).join(" ") });
    });
  }
  $("pg-command").textContent = results.map((r) =>
    `build/bin/playground ${r.words.join(" ")} --trace run${r.index + 1}.csv`).join("\n");
  showResults();
  animate();
}

function showResults() {
  const body = $("pg-results").querySelector("tbody");
  body.replaceChildren();
  for (const r of results) {
    const tr = document.createElement("tr");
    tr.className = "pg-result";
    tr.dataset.run = r.index;
    const cells = [r.label, r.last[0], r.last[1], r.last[2], r.last[3], r.said];
    cells.forEach((text, k) => {
      const td = document.createElement("td");
      td.textContent = text;
      if (k === 0) td.style.borderLeft = `6px solid ${r.color}`;
      td.className = ["pg-label", "pg-step", "pg-x", "pg-y", "pg-loss", "pg-said"][k];
      tr.appendChild(td);
    });
    const td = document.createElement("td");
    const a = document.createElement("a");
    a.className = "pg-csv";
    a.href = URL.createObjectURL(new Blob([r.csv], { type: "text/csv" }));
    a.download = `${r.words[r.words.indexOf("--optimizer") + 1]}_${r.words[1]}_${r.index + 1}.csv`;
    a.textContent = "CSV";
    td.appendChild(a);
    tr.appendChild(td);
    body.appendChild(tr);
  }
  $("pg-results").hidden = results.length === 0;
}

// ---- drawing -----------------------------------------------------------------------------------

const PAD = { left: 52, right: 12, top: 12, bottom: 34 };

function plotBox(canvas) {
  return { x: PAD.left, y: PAD.top, w: canvas.width - PAD.left - PAD.right,
           h: canvas.height - PAD.top - PAD.bottom };
}

function color(t) {
  t = Math.min(1, Math.max(0, t));
  for (let k = 1; k < PALETTE.length; k++) {
    const [t1, c1] = PALETTE[k], [t0, c0] = PALETTE[k - 1];
    if (t <= t1) {
      const u = (t - t0) / (t1 - t0);
      return c0.map((c, i) => Math.round(c + u * (c1[i] - c)));
    }
  }
  return PALETTE[PALETTE.length - 1][1];
}

function ticks(lo, hi, n) {
  const step0 = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
    out.push(Math.abs(v) < 1e-12 * step ? 0 : v);
  }
  return out;
}

// The map of the surface: shaded by log(loss - floor), with 14 contour lines spaced evenly in
// log(loss - floor) (as the book's figures), computed from the module's grid. Drawn once per
// surface into an off-screen canvas.
function surfaceMap(surface, canvas) {
  if (mapCache && mapCache.name === surface.name) return mapCache;
  const box = plotBox(canvas);
  const nx = Math.round(box.w / 2), ny = Math.round(box.h / 2);
  const v = surfaceGrid(surface.name, nx, ny);
  let lo = Infinity, hi = -Infinity;
  v.forEach((z) => { if (isFinite(z)) { lo = Math.min(lo, z); hi = Math.max(hi, z); } });
  const span = hi - lo, floor = lo - 1e-3 * span;
  const L = (z) => Math.log10(z - floor) - Math.log10(span);  // -3 at the floor, 0 at the top
  const logv = v.map(L);
  const off = document.createElement("canvas");
  off.width = canvas.width;
  off.height = canvas.height;
  const g = off.getContext("2d");
  const img = g.createImageData(nx, ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const c = color((logv[j * nx + i] + 3) / 3), p = ((ny - 1 - j) * nx + i) * 4;
      img.data.set([c[0], c[1], c[2], 255], p);
    }
  }
  const small = document.createElement("canvas");
  small.width = nx;
  small.height = ny;
  small.getContext("2d").putImageData(img, 0, 0);
  g.imageSmoothingEnabled = true;
  g.drawImage(small, box.x, box.y, box.w, box.h);
  // Contour lines by marching squares over the grid's cells: in each cell, for each level its
  // corners straddle, a segment between the two crossed edges (four, at a saddle).
  const px = (i) => box.x + (i / (nx - 1)) * box.w;
  const py = (j) => box.y + box.h - (j / (ny - 1)) * box.h;
  const LEVELS = 14;
  g.strokeStyle = "#7f9fb9";
  g.lineWidth = 0.8;
  g.beginPath();
  const cross = [];
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const a = logv[j * nx + i], b = logv[j * nx + i + 1];
      const c = logv[(j + 1) * nx + i + 1], d = logv[(j + 1) * nx + i];
      const lo = Math.min(a, b, c, d), hi = Math.max(a, b, c, d);
      const first = Math.max(0, Math.ceil(((lo + 3) * (LEVELS - 1)) / 3));
      const last = Math.min(LEVELS - 1, Math.floor(((hi + 3) * (LEVELS - 1)) / 3));
      for (let k = first; k <= last; k++) {
        const level = -3 + (3 * k) / (LEVELS - 1);
        cross.length = 0;
        if ((a < level) !== (b < level)) cross.push(px(i + (level - a) / (b - a)), py(j));
        if ((b < level) !== (c < level)) cross.push(px(i + 1), py(j + (level - b) / (c - b)));
        if ((c < level) !== (d < level)) cross.push(px(i + 1 - (level - c) / (d - c)), py(j + 1));
        if ((d < level) !== (a < level)) cross.push(px(i), py(j + 1 - (level - d) / (a - d)));
        for (let q = 0; q + 3 < cross.length; q += 4) {
          g.moveTo(cross[q], cross[q + 1]);
          g.lineTo(cross[q + 2], cross[q + 3]);
        }
      }
    }
  }
  g.stroke();
  const [x0, x1, y0, y1] = surface.frame;
  const X = (x) => box.x + ((x - x0) / (x1 - x0)) * box.w;
  const Y = (y) => box.y + box.h - ((y - y0) / (y1 - y0)) * box.h;
  g.strokeStyle = "#444";
  g.lineWidth = 1;
  g.strokeRect(box.x, box.y, box.w, box.h);
  g.fillStyle = "#333";
  g.font = "12px 'DejaVu Sans', sans-serif";
  g.textAlign = "center";
  ticks(x0, x1, 8).forEach((t) => {
    g.fillText(String(+t.toPrecision(6)), X(t), box.y + box.h + 16);
    g.fillRect(X(t), box.y + box.h, 1, 4);
  });
  g.textAlign = "right";
  ticks(y0, y1, 6).forEach((t) => {
    g.fillText(String(+t.toPrecision(6)), box.x - 6, Y(t) + 4);
    g.fillRect(box.x - 4, Y(t), 4, 1);
  });
  g.textAlign = "center";
  g.fillText("x", box.x + box.w / 2, canvas.height - 2);
  g.fillText("y", 10, box.y + box.h / 2);
  for (const [mx, my] of surface.minima) star(g, X(mx), Y(my));
  mapCache = { name: surface.name, image: off, X, Y, box, surface };
  return mapCache;
}

function star(g, x, y) {
  g.save();
  g.fillStyle = "#222";
  g.beginPath();
  for (let k = 0; k < 10; k++) {
    const r = k % 2 ? 3 : 8, a = -Math.PI / 2 + (k * Math.PI) / 5;
    g.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  g.closePath();
  g.fill();
  g.restore();
}

function drawMap(shown) {
  const canvas = $("pg-map"), g = canvas.getContext("2d");
  const surface = catalog.surfaces.find((s) => s.name === $("pg-surface").value);
  const map = surfaceMap(surface, canvas);
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.drawImage(map.image, 0, 0);
  g.save();
  g.beginPath();
  g.rect(map.box.x, map.box.y, map.box.w, map.box.h);
  g.clip();
  const start = $("pg-start").value.split(",").map(Number);
  if (start.length === 2 && start.every(isFinite)) {  // the start, ringed
    g.strokeStyle = "#111";
    g.lineWidth = 2;
    g.beginPath();
    g.arc(map.X(start[0]), map.Y(start[1]), 7, 0, 2 * Math.PI);
    g.stroke();
  }
  for (const r of results) {
    const n = Math.min(shown, r.rows.length);
    if (n < 1) continue;
    g.strokeStyle = r.color;
    g.lineWidth = 2;
    g.beginPath();
    for (let k = 0; k < n; k++) g.lineTo(map.X(r.rows[k][1]), map.Y(r.rows[k][2]));
    g.stroke();
    const [, hx, hy] = r.rows[n - 1], X = map.X(hx), Y = map.Y(hy);
    g.fillStyle = r.color;
    if (n === r.rows.length && r.diverged) {  // where it left the finite numbers
      g.lineWidth = 3;
      g.beginPath();
      g.moveTo(X - 7, Y - 7); g.lineTo(X + 7, Y + 7);
      g.moveTo(X + 7, Y - 7); g.lineTo(X - 7, Y + 7);
      g.stroke();
    } else {
      g.beginPath();
      g.arc(X, Y, 4.5, 0, 2 * Math.PI);
      g.fill();
    }
  }
  g.restore();
}

function drawLoss(shown) {
  const canvas = $("pg-loss"), g = canvas.getContext("2d"), box = plotBox(canvas);
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = "#333";
  g.font = "12px 'DejaVu Sans', sans-serif";
  g.strokeStyle = "#444";
  g.strokeRect(box.x, box.y, box.w, box.h);
  if (!results.length) return;
  const all = results.flatMap((r) => r.rows.map((row) => row[3]));
  const log = all.every((v) => v > 0);  // the saddle goes negative: then a linear axis
  const f = log ? Math.log10 : (v) => v;
  let lo = Math.min(...all.map(f)), hi = Math.max(...all.map(f));
  if (hi - lo < 1e-12) { lo -= 1; hi += 1; }
  const steps = Math.max(...results.map((r) => r.rows[r.rows.length - 1][0]));
  const first = Math.min(...results.map((r) => r.rows[0][0]));
  const X = (s) => box.x + ((s - first) / Math.max(1, steps - first)) * box.w;
  const Y = (v) => box.y + box.h - ((f(v) - lo) / (hi - lo)) * box.h;
  g.textAlign = "center";
  ticks(first, Math.max(first + 1, steps), 8).forEach((t) => {
    g.fillText(String(t), X(t), box.y + box.h + 16);
    g.fillRect(X(t), box.y + box.h, 1, 4);
  });
  g.fillText("step", box.x + box.w / 2, canvas.height - 2);
  g.textAlign = "right";
  // On a log axis: whole powers of ten when the curves span two decades or more.
  const decades = [];
  const every = Math.max(1, Math.ceil((hi - lo) / 5));
  for (let t = Math.ceil(lo); t <= hi; t += every) decades.push(t);
  (log && hi - lo >= 2 ? decades : ticks(lo, hi, 5)).forEach((t) => {
    const label = !log ? String(+t.toPrecision(4))
      : Number.isInteger(t) ? `1e${t}` : String(+Math.pow(10, t).toPrecision(2));
    const y = box.y + box.h - ((t - lo) / (hi - lo)) * box.h;
    g.fillText(label, box.x - 6, y + 4);
    g.fillRect(box.x - 4, y, 4, 1);
  });
  g.save();
  g.translate(12, box.y + box.h / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = "center";
  g.fillText(log ? "loss (log scale)" : "loss", 0, 0);
  g.restore();
  g.save();
  g.beginPath();
  g.rect(box.x, box.y, box.w, box.h);
  g.clip();
  for (const r of results) {
    g.strokeStyle = r.color;
    g.lineWidth = 1.6;
    g.beginPath();
    r.rows.slice(0, shown).forEach((row) => g.lineTo(X(row[0]), Y(row[3])));
    g.stroke();
  }
  g.restore();
  g.textAlign = "left";  // the legend, top right
  results.forEach((r, k) => {
    const y = box.y + 14 + 15 * k;
    const text = r.label.length > 48 ? r.label.slice(0, 47) + "…" : r.label;
    const w = g.measureText(text).width;
    g.fillStyle = "rgba(255,255,255,0.85)";
    g.fillRect(box.x + box.w - w - 34, y - 11, w + 30, 15);
    g.fillStyle = r.color;
    g.fillRect(box.x + box.w - w - 30, y - 5, 18, 3);
    g.fillStyle = "#222";
    g.fillText(text, box.x + box.w - w - 8, y);
  });
}

// The paths grow step by step over about three seconds.
function animate() {
  if (animation) cancelAnimationFrame(animation);
  const total = Math.max(1, ...results.map((r) => r.rows.length));
  const frames = Math.min(total, 180);
  let frame = 0;
  const tick = () => {
    frame++;
    const shown = Math.ceil((total * frame) / frames);
    drawMap(shown);
    drawLoss(shown);
    animation = frame < frames ? requestAnimationFrame(tick) : null;
    if (!animation) document.body.dataset.drawn = String(Date.now());
  };
  tick();
}

// ---- start ---------------------------------------------------------------------------------

function init(module) {
  M = module;
  catalog = JSON.parse(M.ccall("gd_catalog", "string", [], []));
  catalog.flags.forEach((f) => { flagInfo[f.name] = f; });
  catalog.surfaces.forEach((s) => option($("pg-surface"), s.name));
  fromHash(location.hash.length > 1 ? location.hash : FIRST_VISIT);
  $("pg-form").addEventListener("submit", (e) => {
    e.preventDefault();
    race();
  });
  $("pg-add").addEventListener("click", () => {
    const last = [...document.querySelectorAll(".pg-racer")].pop();
    addRacer(last ? racerWords(last) : []);
  });
  $("pg-surface").addEventListener("change", () => {
    mapCache = null;
    race();
  });
  $("pg-map").addEventListener("click", (e) => {
    if (!mapCache) return;
    const canvas = $("pg-map"), rect = canvas.getBoundingClientRect();
    const px = ((e.clientX - rect.left) * canvas.width) / rect.width;
    const py = ((e.clientY - rect.top) * canvas.height) / rect.height;
    const { box, surface } = mapCache, [x0, x1, y0, y1] = surface.frame;
    if (px < box.x || px > box.x + box.w || py < box.y || py > box.y + box.h) return;
    const x = x0 + ((px - box.x) / box.w) * (x1 - x0);
    const y = y0 + ((box.y + box.h - py) / box.h) * (y1 - y0);
    const digits = (span) => Math.max(0, 3 - Math.floor(Math.log10(span)));
    $("pg-start").value = `${x.toFixed(digits(x1 - x0))},${y.toFixed(digits(y1 - y0))}`;
    race();
  });
  window.addEventListener("hashchange", () => {
    if (location.hash.length > 1) {
      fromHash(location.hash);
      mapCache = null;
      race();
    }
  });
  $("pg-status").hidden = true;
  $("pg").hidden = false;
  race();
}

createGdPlayground().then(init).catch((e) => {
  $("pg-status").textContent = "The WebAssembly module did not load: " + e;
});
