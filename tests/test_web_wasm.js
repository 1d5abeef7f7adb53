// The playground compiled to WebAssembly, run under node: the same numbers as PyTorch, the same
// contract as the native playground (tests/test_playground.cpp), and a catalog of names and
// flags that comes from the C++ factories.
//
//   node tests/test_web_wasm.js build/web/assets/gd_playground.js
//
// CTest runs it as web_wasm (cmake -DBOOK_WEB=ON). Plain node, no test framework: each check
// prints one line, and any failure makes the exit code 1.
"use strict";
const fs = require("fs");
const path = require("path");

const modulePath = path.resolve(process.argv[2] || "build/web/assets/gd_playground.js");
const reference = path.join(__dirname, "reference");
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

function readTrace(text, where) {
  const lines = text.trim().split("\n");
  if (lines[0] !== "step,x,y,loss,lr") throw new Error(`${where}: header ${lines[0]}`);
  return lines.slice(1).map((l) => l.split(",").map(Number));
}

require(modulePath)().then((M) => {
  const run = (words) =>
    JSON.parse(M.ccall("gd_run", "string", ["string"], [words.join("\n")]));

  // Every case torch ran (tests/reference_playground.py): same flags, same trace. Tolerance as
  // tests/test_playground.cpp: relative 1e-9 plus an absolute 1e-12 for values passing through
  // zero. Both sides do the same float64 operations up to their order inside torch's kernels (a
  // few ulps a step), and the module's libm (musl's cos, exp, pow) may round an ulp differently
  // from glibc's; over a few hundred steps that stays below 1e-11, while any wrong term, default
  // or off-by-one shows up at 1e-3 or more.
  const cases = fs.readFileSync(path.join(reference, "playground_cases.csv"), "utf8")
    .trim().split("\n").slice(1);
  let n = 0, worstOverall = 0;
  for (const line of cases) {
    const [name, flags] = line.split(";");
    const r = run(flags.trim().split(/\s+/));
    if (r.code !== 0) {
      check(false, `${name}: exit code ${r.code}: ${r.err.trim()}`);
      continue;
    }
    const ours = readTrace(r.trace, name);
    const theirs = readTrace(fs.readFileSync(path.join(reference, `playground_${name}.csv`),
                                             "utf8"), name);
    let worst = 0;
    if (ours.length === theirs.length) {
      ours.forEach((row, i) => row.forEach((a, j) => {
        const b = theirs[i][j];
        worst = Math.max(worst, Math.abs(a - b) / (1e-12 + 1e-9 * Math.abs(b)));
      }));
    }
    check(ours.length === theirs.length && worst <= 1,
          `${name}: ${ours.length} rows (torch ${theirs.length}), worst error ` +
          `${worst.toExponential(2)} of the tolerance`);
    worstOverall = Math.max(worstOverall, worst);
    n++;
  }
  check(n >= 13, `${n} reference traces compared (worst ${worstOverall.toExponential(2)})`);

  // Divergence is a result: the trace stops at the last finite row, and the note names the
  // first step that is not in it, in the native playground's words.
  const d = run(["--function", "rosenbrock", "--start", "-1.5,2", "--optimizer", "sgd",
                 "--lr", "0.01", "--steps", "1000"]);
  const rows = d.code === 0 ? readTrace(d.trace, "diverge") : [];
  const m = /diverged at step (\d+)/.exec(d.out);
  check(d.code === 0 && m && rows.length > 1 && rows.length < 1001 &&
        rows.every((row) => row.every(Number.isFinite)) &&
        Number(m[1]) === rows[rows.length - 1][0] + 1,
        `divergence: "${d.out.trim()}" after ${rows.length} finite rows`);

  // Bad values are the playground's own one-line messages, exit code 2, no trace.
  const base = ["--function", "ravine", "--start", "1,1", "--optimizer", "adam", "--steps", "5"];
  for (const [bad, expect] of [[["--lr", "-1"], /--lr must be in/],
                               [["--lr", "abc"], /--lr expects a number, got 'abc'/],
                               [["--lr", "0.1", "--beta1", "1"], /--beta1 must be in/],
                               [["--lr", "0.1", "--eps", "nan"], /--eps expects a finite number/],
                               [["--lr", "0.1", "--schedule", "cosine"], /needs t_max/],
                               [["--lr", "0.1", "--trace", "x.csv"], /not for the web page/]]) {
    const r = run(base.concat(bad));
    check(r.code === 2 && expect.test(r.err) && r.err.trim().split("\n").length === 1 &&
          r.trace === "", `${bad.join(" ")} -> ${r.code}: ${r.err.trim()}`);
  }

  // The catalog: names from the factories, the flags each optimizer reads found by asking it.
  const cat = JSON.parse(M.ccall("gd_catalog", "string", [], []));
  const names = (list) => list.map((x) => x.name).join(" ");
  console.log(`     surfaces: ${names(cat.surfaces)}`);
  console.log(`     optimizers: ${names(cat.optimizers)}`);
  console.log(`     schedules: ${names(cat.schedules)}`);
  const flagsOf = (name) => cat.optimizers.find((o) => o.name === name).flags.sort().join(" ");
  // What torch.optim's signatures say each reads (a few, as a check on the probing).
  for (const [name, expected] of [
    ["sgd", "--dampening --lr --momentum --nesterov --weight-decay"],
    ["adam", "--amsgrad --beta1 --beta2 --eps --lr --weight-decay"],
    ["rmsprop", "--alpha --centered --eps --lr --momentum --weight-decay"]]) {
    check(flagsOf(name) === expected, `${name} reads ${flagsOf(name)}`);
  }
  const cosine = cat.schedules.find((s) => s.name === "cosine").flags;
  check(cosine.includes("--t-max") && cosine.includes("--eta-min") &&
        !cosine.includes("--max-lr") && !cosine.includes("--step-size"),
        `cosine reads ${cosine.join(" ")}`);
  const rosen = cat.surfaces.find((s) => s.name === "rosenbrock");
  const ptr = M.ccall("gd_surface_grid", "number", ["string", "number", "number"],
                      ["rosenbrock", 3, 2]);
  const grid = Array.from(M.HEAPF64.subarray(ptr / 8, ptr / 8 + 6));
  // The grid's first value is f at the frame's corner (x0, y0) = (-2, -1): 9 + 100·25.
  check(rosen && grid[0] === 2509 && grid.every(Number.isFinite), `rosenbrock grid ${grid}`);

  console.log(failures ? `${failures} checks failed` : "all checks passed");
  process.exit(failures ? 1 : 0);
});
