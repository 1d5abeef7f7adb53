// katex_render.js: renders the math of the site's pages once, at build time, with KaTeX.
//
//   node web/katex_render.js KATEX_DIR page.html...
//
// pandoc --katex leaves each formula's TeX in <span class="math inline"> or <span class="math
// display">; this replaces the span's content by KaTeX's HTML, so the pages need KaTeX's CSS and
// fonts but no script, and show their math at once. A formula KaTeX cannot parse is left as a
// red .katex-error (the browser test fails on it) and named here.
"use strict";
const fs = require("fs");
const path = require("path");

const katex = require(path.join(process.argv[2], "katex.min.js"));
const decode = (s) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
   .replace(/&amp;/g, "&");

let formulas = 0, errors = 0;
for (const file of process.argv.slice(3)) {
  const text = fs.readFileSync(file, "utf8");
  const out = text.replace(/<span\s+class="math (inline|display)">([\s\S]*?)<\/span>/g,
    (whole, kind, tex) => {
      // x_\max is TeX (and GitHub's MathJax takes it); KaTeX wants x_{\max}. A command that
      // takes an argument (x_\text{...}) is left alone.
      tex = decode(tex).replace(/^\\[([]|\\[)\]]$/g, "")
                       .replace(/([_^])\\([a-zA-Z]+)(?![a-zA-Z]|\s*\{)/g, "$1{\\$2}");
      formulas++;
      const html = katex.renderToString(tex, { displayMode: kind === "display",
                                               throwOnError: false, strict: "ignore" });
      if (html.includes("katex-error")) {
        errors++;
        console.error(`${file}: KaTeX cannot render: ${tex}`);
      }
      return `<span class="math ${kind}">${html}</span>`;
    });
  if (out !== text) fs.writeFileSync(file, out);
}
console.log(`katex_render.js: ${formulas} formulas rendered, ${errors} errors`);
