// site.js: on a source page, a link such as main.cpp.html#L45-L52 marks lines 45 to 52 and
// scrolls to them (GitHub's convention, which the chapters' links use).
"use strict";
(function () {
  function mark() {
    document.querySelectorAll(".marked").forEach((e) => e.classList.remove("marked"));
    const m = /^#L(\d+)(?:-L(\d+))?$/.exec(location.hash);
    if (!m) return;
    const first = +m[1], last = m[2] ? +m[2] : first;
    for (let n = first; n <= last; n++) {
      const line = document.getElementById("L" + n);
      if (line) line.classList.add("marked");
    }
    const top = document.getElementById("L" + first);
    if (top) top.scrollIntoView({ block: "center" });
  }
  if (document.body.classList.contains("source")) {
    window.addEventListener("hashchange", mark);
    mark();
  }
})();
