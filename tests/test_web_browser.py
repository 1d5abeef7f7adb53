#!/usr/bin/python3
"""The web edition in a real browser: headless Chromium against a static server on 127.0.0.1.

    tests/test_web_browser.py --site build/web --artifacts build/web-artifacts

CTest runs it as web_browser (cmake -DBOOK_WEB=ON; Debian's chromium, chromium-driver and
python3-selenium). It checks that
  - every page of the site loads with no console error, and every image, stylesheet, script and
    link inside the site leads to a file that exists (and to the #anchor it names);
  - no raw TeX is left in the text of the book's pages ($$, \\frac, ...: KaTeX rendered it all);
  - on the playground page, a race set up through its controls shows for each run the last row
    of the trace it offers for download; a run that diverges says so in the playground's words;
    a negative rate and a non-number are refused beside their field with the module's message,
    the other runs still drawn; the permalink brings back the same race;
and writes screenshots of the front page, a chapter and the playground to the artifacts folder.
With --figure FILE it also saves the playground's map and loss curves, as the front page (README.md)
shows them (figures/web/playground.png).
"""
import argparse
import functools
import html.parser
import http.server
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(chromium, chromedriver, profile):
    o = webdriver.ChromeOptions()
    o.binary_location = chromium
    # As root in a sandboxed machine with no network: no sandbox, no GPU, and none of the
    # background connections that would be refused.
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
              "--user-data-dir=" + profile]:
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(chromedriver), options=o)


class Ids(html.parser.HTMLParser):
    """The ids of a page's elements, for checking #anchors."""
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id":
                self.ids.add(v)


class Site:
    def __init__(self, root, base):
        self.root, self.base = root, base
        self.ids = {}

    def file_of(self, url):
        """The file a URL of the site names, or None if it is not inside the site."""
        u = urllib.parse.urlsplit(url)
        if not url.startswith(self.base):
            return None
        path = urllib.parse.unquote(u.path).lstrip("/")
        full = os.path.join(self.root, path)
        return os.path.join(full, "index.html") if os.path.isdir(full) else full

    def anchors(self, file):
        if file not in self.ids:
            p = Ids()
            with open(file, encoding="utf-8") as f:
                p.feed(f.read())
            self.ids[file] = p.ids
        return self.ids[file]

    def broken(self, url):
        """Why a link inside the site is broken, or None."""
        file = self.file_of(url)
        if file is None:
            return None
        if not os.path.isfile(file):
            return "no such file"
        fragment = urllib.parse.urlsplit(url).fragment
        # The playground's hash holds its settings (the permalink), not an anchor.
        if fragment and file.endswith(".html") and not file.endswith("playground.html"):
            names = re.fullmatch(r"L(\d+)-L(\d+)", fragment)
            wanted = [f"L{names.group(1)}", f"L{names.group(2)}"] if names else \
                [urllib.parse.unquote(fragment)]
            missing = [w for w in wanted if w not in self.anchors(file)]
            if missing:
                return f"no #{' #'.join(missing)} there"
        return None


# Visible prose of a page, without code and without KaTeX's hidden MathML copy of the TeX.
PROSE = """
const a = document.querySelector('article').cloneNode(true);
a.querySelectorAll('pre, code, .katex-mathml, script, style').forEach(e => e.remove());
return [a.innerText, document.querySelectorAll('.katex-error').length];
"""
RAW_TEX = re.compile(r"\$\$|\\(?:frac|begin|end|theta|eta|beta|alpha|sqrt|sum|mathrm|text|"
                     r"left|right|cdot|lambda|hat|bar)\b|\$[^\s$][^$\n]*\$")

LINKS = """
const urls = [];
document.querySelectorAll('a[href]').forEach(e => urls.push(e.href));
document.querySelectorAll('img[src], script[src]').forEach(e => urls.push(e.src));
document.querySelectorAll('link[href]').forEach(e => urls.push(e.href));
const bad = [...document.images].filter(i => i.loading !== 'lazy' &&
    (!i.complete || i.naturalWidth === 0)).map(i => i.src);
return [urls, bad];
"""


def check_pages(d, site, pages):
    """Every page: loads, no console error, no broken image or internal link, no raw TeX."""
    broken, console, tex, checked, logged = [], [], [], set(), set()
    for page in pages:
        d.get(site.base + page)
        WebDriverWait(d, 10).until(lambda d: d.execute_script(
            "return document.readyState") == "complete")
        for entry in d.get_log("browser"):  # (a late entry may come with the next page)
            if entry["level"] == "SEVERE" and entry["message"] not in logged:
                logged.add(entry["message"])
                console.append(f"{page}: {entry['message']}")
        urls, bad_images = d.execute_script(LINKS)
        broken += [f"{page}: image {u} did not load" for u in bad_images]
        for u in urls:
            if u in checked:
                continue
            checked.add(u)
            why = site.broken(u)
            if why:
                broken.append(f"{page}: {u[len(site.base):]}: {why}")
        if not page.endswith(".html") or page.endswith("index.html") or page == "playground.html":
            text, errors = d.execute_script(PROSE)
            found = sorted(set(RAW_TEX.findall(text)))
            if found or errors:
                tex.append(f"{page}: {errors} KaTeX errors, raw TeX {found[:5]}")
    check(not console, f"{len(pages)} pages load with no console error" +
          "".join("\n       " + c for c in console[:20]))
    check(not broken, f"{len(checked)} links and images inside the site lead somewhere" +
          "".join("\n       " + b for b in broken[:20]))
    check(not tex, "no raw TeX in the book's pages" + "".join("\n       " + t for t in tex))


def screenshot(d, url, path, wait=None):
    d.set_window_size(1280, 900)
    d.get(url)
    if wait:
        wait()
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(1280, min(height, 4000))
    time.sleep(0.3)
    d.save_screenshot(path)
    d.set_window_size(1280, 900)


# ---- the playground --------------------------------------------------------------------------

def racers(d):
    return d.find_elements(By.CSS_SELECTOR, ".pg-racer")


def set_field(racer, flag, value):
    box = racer.find_element(By.CSS_SELECTOR, f'input[data-flag="{flag}"]')
    box.clear()
    box.send_keys(value)


def run_race(d):
    before = d.execute_script("return document.body.dataset.drawn || ''")
    d.find_element(By.ID, "pg-run").click()
    WebDriverWait(d, 20).until(lambda d: d.execute_script(
        "return document.body.dataset.drawn || ''") != before)


def shown_rows(d):
    """For each result row: its cells and the CSV its download link holds."""
    return d.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const rows = [...document.querySelectorAll('#pg-results tr.pg-result')];
        Promise.all(rows.map(r => fetch(r.querySelector('a.pg-csv').href).then(x => x.text())))
          .then(csvs => done(rows.map((r, i) => ({
            cells: ['pg-label', 'pg-step', 'pg-x', 'pg-y', 'pg-loss', 'pg-said']
                     .map(c => r.querySelector('td.' + c).textContent),
            csv: csvs[i]}))));
    """)


def message_beside(racer, flag):
    return racer.find_element(By.CSS_SELECTOR, f'.pg-msg[data-for="{flag}"]').text


def check_playground(d, site, artifacts):
    d.get(site.base + "playground.html#function=ravine&start=-5,-2&steps=3&run=--optimizer%20sgd"
                      "%20--lr%200.1")
    WebDriverWait(d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tr.pg-result"))
    # Set up a race through the controls: himmelblau from (0, 0.5), 150 steps, sgd with
    # momentum against adam with a cosine schedule.
    Select(d.find_element(By.ID, "pg-surface")).select_by_value("himmelblau")
    for box, value in [("pg-start", "0,0.5"), ("pg-steps", "150")]:
        d.find_element(By.ID, box).clear()
        d.find_element(By.ID, box).send_keys(value)
    set_field(racers(d)[0], "--lr", "0.01")
    set_field(racers(d)[0], "--momentum", "0.9")
    d.find_element(By.ID, "pg-add").click()
    second = racers(d)[1]
    Select(second.find_element(By.CSS_SELECTOR, ".pg-optimizer")).select_by_value("adam")
    set_field(second, "--lr", "0.2")
    Select(second.find_element(By.CSS_SELECTOR, ".pg-schedule")).select_by_value("cosine")
    set_field(racers(d)[1], "--t-max", "150")
    run_race(d)
    rows = shown_rows(d)
    check(len(rows) == 2, f"the race shows {len(rows)} runs (2 set up)")
    for r in rows:
        last = r["csv"].strip().split("\n")[-1].split(",")
        header = r["csv"].split("\n")[0]
        check(header == "step,x,y,loss,lr" and r["cells"][1:5] == last[:4],
              f"{r['cells'][0]}: shown end {r['cells'][1:5]} is the trace's last row {last[:4]}")
        check(r["cells"][5].startswith(f"step {last[0]}: (x, y) = "),
              f"{r['cells'][0]}: the playground says '{r['cells'][5]}'")
    race = d.current_url

    # The permalink brings back the same race.
    link = d.find_element(By.ID, "pg-permalink").get_attribute("href")
    d.get("about:blank")
    d.get(link)
    WebDriverWait(d, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR,
                                                             "tr.pg-result")) == 2)
    again = shown_rows(d)
    check([r["cells"] for r in again] == [r["cells"] for r in rows],
          "the permalink brings back the same race")

    # A click on the map starts from there.
    start = d.find_element(By.ID, "pg-start").get_attribute("value")
    canvas = d.find_element(By.ID, "pg-map")
    before = d.execute_script("return document.body.dataset.drawn || ''")
    ActionChains(d).move_to_element_with_offset(canvas, 60, -60).click().perform()
    WebDriverWait(d, 20).until(lambda d: d.execute_script(
        "return document.body.dataset.drawn || ''") != before)
    new_start = d.find_element(By.ID, "pg-start").get_attribute("value")
    first_row = shown_rows(d)[0]["csv"].split("\n")[1].split(",")
    check(new_start != start and [float(v) for v in new_start.split(",")] ==
          [float(first_row[1]), float(first_row[2])],
          f"a click on the map starts the race at {new_start} (trace row 0: {first_row[1:3]})")

    # Bad values: refused beside their field in the module's words; the other run still drawn.
    d.get(race)
    WebDriverWait(d, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR,
                                                             "tr.pg-result")) == 2)
    for value, expected in [("-1", "--lr must be in [0, inf), got -1"),
                            ("abc", "--lr expects a number, got 'abc'")]:
        set_field(racers(d)[0], "--lr", value)
        run_race(d)
        said = message_beside(racers(d)[0], "--lr")
        shown = shown_rows(d)
        table = d.find_element(By.ID, "pg-results").text
        check(said == expected and len(shown) == 1 and "NaN" not in table and
              shown[0]["cells"][0].startswith("adam"),
              f"lr {value}: beside the field '{said}'; {len(shown)} run still drawn")
    d.execute_script("arguments[0].scrollIntoView()", racers(d)[0])
    d.save_screenshot(os.path.join(artifacts, "playground_bad_value.png"))

    # Divergence is shown as the native playground says it.
    d.get(site.base + "playground.html#function=rosenbrock&start=-1.5,2&steps=100"
                      "&run=--optimizer%20sgd%20--lr%200.01")
    WebDriverWait(d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tr.pg-result"))
    said = shown_rows(d)[0]["cells"][5]
    check(said.startswith("diverged at step 7: the loss or gradient stopped being finite"),
          f"divergence: '{said}'")
    errors = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
    check(not errors, "the playground logged no console error" +
          "".join("\n       " + e for e in errors))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default="build/web")
    ap.add_argument("--artifacts", default="build/web-artifacts")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    ap.add_argument("--figure", help="also save the README's picture of the playground here")
    args = ap.parse_args()
    site_dir = os.path.abspath(args.site)
    if not os.path.isfile(os.path.join(site_dir, "index.html")):
        sys.exit(f"no site in {site_dir}: cmake --build build --target web")
    os.makedirs(args.artifacts, exist_ok=True)
    server = serve(site_dir)
    site = Site(site_dir, f"http://127.0.0.1:{server.server_address[1]}/")
    pages = sorted(os.path.relpath(os.path.join(r, f), site_dir)
                   for r, _, files in os.walk(site_dir) for f in files if f.endswith(".html"))
    t0 = time.time()
    with tempfile.TemporaryDirectory() as profile:
        d = browser(args.chromium, args.chromedriver, profile)
        try:
            d.set_script_timeout(20)
            check_pages(d, site, pages)
            t1 = time.time()
            check_playground(d, site, args.artifacts)
            t2 = time.time()
            for name, page in [("front", "index.html"),
                               ("chapter", "chapters/02_momentum/index.html")]:
                screenshot(d, site.base + page, os.path.join(args.artifacts, name + ".png"))
            screenshot(d, site.base + "playground.html", os.path.join(args.artifacts,
                                                                      "playground.png"),
                       wait=lambda: WebDriverWait(d, 30).until(lambda d: d.execute_script(
                           "return document.body.dataset.drawn")))  # the paths, drawn in 3 s
            if args.figure:
                d.set_window_size(1280, 2000)  # the whole element in view
                d.get(site.base + "playground.html")
                WebDriverWait(d, 30).until(lambda d: d.execute_script(
                    "return document.body.dataset.drawn"))
                d.find_element(By.CSS_SELECTOR, ".pg-view").screenshot(args.figure)
        finally:
            d.quit()
            server.shutdown()
    print(f"pages {t1 - t0:.1f} s, playground {t2 - t1:.1f} s, screenshots "
          f"{time.time() - t2:.1f} s; screenshots in {args.artifacts}")
    print(f"{len(failures)} checks failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
