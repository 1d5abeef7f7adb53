#!/usr/bin/env python3
"""build_site.py: the book as a static web site, made from the Markdown that is its source.

    web/build_site.py --source . --out build/web [--wasm build/web-wasm/gd_playground.js]

`cmake --build build --target web` runs it (after compiling the playground to WebAssembly).
Every page is made from a file of the repository; nothing here restates the book:
  README.md                  -> index.html                  the front page
  chapters/NN/README.md      -> chapters/NN/index.html      one page per chapter (pandoc)
  any source or data file    -> <path>.html                 with line anchors #L10, so the
                                                            chapters' links to lines still work
  a folder that is linked    -> <folder>/index.html         a listing of its files
  figures/**/*.png, *.gif    -> copied as they are
  web/playground.html        -> playground.html             the live playground (wasm module)
The site keeps the repository's layout, so every relative link and image of the Markdown stays
valid; only links to README.md, to sources and to folders are rewritten (to index.html, to
<file>.html, to <folder>/index.html). Math is rendered once, here, by KaTeX (Debian's
libjs-katex, run under node by web/katex_render.js); the pages need its CSS and fonts only,
which are copied into assets/katex/: nothing is fetched from the network at build or view time.
"""
import argparse
import concurrent.futures
import html
import os
import re
import shutil
import string
import subprocess
import sys

KATEX_DIR = "/usr/share/javascript/katex"
SOURCE_FOLDERS = ["chapters", "common", "tests", "benchmarks", "web"]  # rendered file by file
IMAGE_EXTENSIONS = (".png", ".gif", ".jpg", ".jpeg", ".svg")
LANGUAGES = {".cpp": "cpp", ".hpp": "cpp", ".py": "python", ".sh": "bash", ".txt": "cmake"}
PANDOC_MARKDOWN = "gfm+tex_math_dollars"  # GitHub's Markdown, with its $...$ math
HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def pandoc_all(jobs):
    """pandoc on each (args, text), in parallel: highlighting code is what takes pandoc long."""
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        return list(pool.map(lambda job: pandoc(*job), jobs))


def pandoc(args, text):
    run = subprocess.run(["pandoc"] + args, input=text, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("pandoc failed: " + run.stderr)
    return run.stdout


class Site:
    def __init__(self, source, out):
        self.source, self.out = source, out
        self.warnings = []
        # The reading order: front page, numbered chapters, the playground's text, the live page.
        chapters = sorted(d for d in os.listdir(os.path.join(source, "chapters"))
                          if os.path.isfile(os.path.join(source, "chapters", d, "README.md")))
        numbered = [d for d in chapters if re.match(r"\d\d_", d)]
        others = [d for d in chapters if d not in numbered]
        self.pages = [("README.md", "index.html")]
        self.pages += [(f"chapters/{d}/README.md", f"chapters/{d}/index.html")
                       for d in numbered + others]
        # The benchmarks' text, which the chapters link to for their speed: an appendix.
        if os.path.isfile(os.path.join(source, "benchmarks", "README.md")):
            self.pages.append(("benchmarks/README.md", "benchmarks/index.html"))
        self.titles = {md: self.title_of(md) for md, _ in self.pages}
        self.live = ("web/playground.html", "playground.html")
        self.titles[self.live[0]] = "The playground, live"
        self.order = self.pages + [self.live]
        self.sources = self.find_sources()
        self.figures = sorted(self.walk("figures", lambda f: f.lower().endswith(IMAGE_EXTENSIONS)))

    # ---- what the site holds ---------------------------------------------------------------

    def walk(self, folder, keep):
        found = []
        for root, dirs, files in os.walk(os.path.join(self.source, folder)):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
            for f in sorted(files):
                rel = os.path.relpath(os.path.join(root, f), self.source)
                if keep(f):
                    found.append(rel)
        return found

    def find_sources(self):
        """Every file of the source folders, and any other file a page links to (not images)."""
        sources = set(self.walk_sources())
        for md, _ in self.pages:
            for target in re.findall(r"\]\(([^)\s#]+)", read(os.path.join(self.source, md))):
                rel = os.path.normpath(os.path.join(os.path.dirname(md), target))
                if (os.path.isfile(os.path.join(self.source, rel)) and
                        not rel.endswith(".md") and not rel.lower().endswith(IMAGE_EXTENSIONS)):
                    sources.add(rel)
        return sorted(sources)

    def walk_sources(self):
        for folder in SOURCE_FOLDERS:
            if os.path.isdir(os.path.join(self.source, folder)):
                yield from self.walk(folder, lambda f: f != "README.md")

    def title_of(self, md):
        first = read(os.path.join(self.source, md)).splitlines()[0]
        return first.lstrip("# ").strip()

    @staticmethod
    def short(title):
        return title.split(":")[0]  # "02 · Momentum: an average ..." -> "02 · Momentum"

    # ---- links -----------------------------------------------------------------------------

    def page_of(self, rel):
        """The site path a repository path becomes, or None if the site does not hold it."""
        full = os.path.join(self.source, rel)
        if os.path.basename(rel) == "README.md":
            return os.path.join(os.path.dirname(rel), "index.html") if rel in self.titles else None
        if rel in self.sources:
            return rel + ".html"
        if rel in self.figures:
            return rel
        if os.path.isdir(full):
            return os.path.join(rel, "index.html") if rel != "." else "index.html"
        return None

    def rewrite_links(self, body, src_dir, out_dir):
        """href/src relative to the Markdown's folder -> the same target's page in the site."""
        def fix(m):
            attr, url = m.group(1), html.unescape(m.group(2))
            if not url or url.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:|^//", url):
                return m.group(0)
            path, hashmark, fragment = url.partition("#")
            rel = os.path.normpath(os.path.join(src_dir, path))
            target = self.page_of(rel)
            if target is None or rel.startswith(".."):
                self.warnings.append(f"{src_dir or '.'}: link to {url}: not in the site")
                return m.group(0)
            new = os.path.relpath(target, out_dir or ".") + hashmark + fragment
            return f'{attr}="{html.escape(new)}"'
        return re.sub(r'\b(href|src)="([^"]*)"', fix, body)

    # ---- the page around the text ----------------------------------------------------------

    def chrome(self, out_path, title, body, toc="", current=None, scripts=(), kind="text"):
        root = os.path.relpath(".", os.path.dirname(out_path) or ".") + "/"
        root = "" if root == "./" else root
        items = []
        for md, page in self.order:
            here = md == current
            label = self.short(self.titles[md]) if md != "README.md" else "Front page"
            entry = (f'<li{" class=current" if here else ""}>'
                     f'<a href="{root}{page}">{html.escape(label)}</a>')
            if here and toc:
                entry += toc
            items.append(entry + "</li>")
        prevnext = ""
        if current in [md for md, _ in self.order]:
            i = [md for md, _ in self.order].index(current)
            links = []
            if i > 0:
                md, page = self.order[i - 1]
                links.append(f'<a class="prev" rel="prev" href="{root}{page}">← '
                             f'{html.escape(self.short(self.titles[md]))}</a>')
            if i + 1 < len(self.order):
                md, page = self.order[i + 1]
                links.append(f'<a class="next" rel="next" href="{root}{page}">'
                             f'{html.escape(self.short(self.titles[md]))} →</a>')
            prevnext = '<nav class="prevnext">' + "".join(links) + "</nav>"
        book = self.short(self.titles["README.md"])
        template = string.Template(read(os.path.join(HERE, "page.html")))
        return template.substitute(
            title=html.escape(title), book=html.escape(book), root=root, kind=kind,
            chapters="\n".join(items), body=body, prevnext=prevnext,
            scripts="".join(f'<script src="{root}{s}"></script>' for s in scripts))

    # ---- building --------------------------------------------------------------------------

    def build(self, wasm):
        if os.path.isdir(self.out):
            if os.listdir(self.out) and not os.path.isfile(os.path.join(self.out, "assets",
                                                                        "site.css")):
                sys.exit(f"{self.out} is not empty and holds no site: not emptying it")
            shutil.rmtree(self.out)
        os.makedirs(self.out)
        self.copy_assets(wasm)
        for f in self.figures:
            os.makedirs(os.path.join(self.out, os.path.dirname(f)), exist_ok=True)
            shutil.copyfile(os.path.join(self.source, f), os.path.join(self.out, f))
        highlight_css = self.build_sources()
        write(os.path.join(self.out, "assets", "highlight.css"), highlight_css)
        texts = [read(os.path.join(self.source, md)) for md, _ in self.pages]
        args = ["-f", PANDOC_MARKDOWN, "-t", "html5", "--wrap=none", "--katex", "--toc",
                "--toc-depth=2", "--template", os.path.join(HERE, "fragment.tpl")]
        fragments = pandoc_all([(args, text) for text in texts])
        for (md, page), text, fragment in zip(self.pages, texts, fragments):
            self.build_text_page(md, page, text, fragment)
        self.build_live_page()
        self.build_listings()
        return self.render_math()

    def copy_assets(self, wasm):
        assets = os.path.join(self.out, "assets")
        os.makedirs(assets)
        for f in ["site.css", "site.js", "playground.js"]:
            shutil.copyfile(os.path.join(HERE, f), os.path.join(assets, f))
        katex = os.path.join(assets, "katex")
        os.makedirs(katex)
        shutil.copyfile(os.path.join(KATEX_DIR, "katex.min.css"),
                        os.path.join(katex, "katex.min.css"))
        shutil.copytree(os.path.join(KATEX_DIR, "fonts"), os.path.join(katex, "fonts"))
        if wasm:
            shutil.copyfile(wasm, os.path.join(assets, os.path.basename(wasm)))
        else:
            self.warnings.append("no --wasm module given: the live playground will not run")

    def build_text_page(self, md, page, text, fragment):
        toc, body, _ = fragment.split("<!--gd-split-->")
        src_dir = os.path.dirname(md)
        body = self.rewrite_links(body, src_dir, os.path.dirname(page))
        # The page's own title is the first heading: the contents list what lies under it.
        only_title = re.match(r'\s*<ul>\s*<li><a href="#[^"]*">[^<]*</a>\s*<ul>(.*)</ul>\s*</li>'
                              r'\s*</ul>\s*$', toc, re.S)
        if only_title:
            toc = "<ul>" + only_title.group(1) + "</ul>"
        toc = toc.strip().replace("<ul>", '<ul class="toc">', 1)
        edit = f'<p class="source-note">This page is <a href="{os.path.basename(md)}.html">' \
               f'{html.escape(md)}</a> of the repository.</p>'
        self.render_source_page(md, os.path.join(self.out, md + ".html"), text, None)
        shutil.copyfile(os.path.join(self.source, md), os.path.join(self.out, md))
        write(os.path.join(self.out, page),
              self.chrome(page, self.titles[md], body + edit, toc=toc, current=md))

    def build_live_page(self):
        md, page = self.live
        body = read(os.path.join(self.source, md))
        write(os.path.join(self.out, page),
              self.chrome(page, self.titles[md], body, current=md, kind="live",
                          scripts=["assets/gd_playground.js", "assets/playground.js"]))

    def build_sources(self):
        """Every source file as a page with numbered lines, highlighted by one pandoc call."""
        fence = "~" * 16
        blocks = []
        for i, rel in enumerate(self.sources):
            ext = os.path.splitext(rel)[1]
            lang = LANGUAGES.get(ext, "cmake" if rel.endswith("CMakeLists.txt") else "")
            cls = f".{lang} " if lang else ""
            blocks.append(f"{fence} {{#src{i} {cls}.numberLines}}\n"
                          f"{read(os.path.join(self.source, rel)).rstrip()}\n{fence}\n")
        # commonmark's reader is ten times faster than pandoc's own markdown on long code.
        n = os.cpu_count() or 1
        args = ["-f", "commonmark+attributes", "-t", "html5", "--template",
                os.path.join(HERE, "fragment.tpl")]
        outputs = pandoc_all([(args, "\n".join(blocks[k::n])) for k in range(n)])
        css = outputs[0].split("<!--gd-split-->")[2]
        pieces = {}
        for out in outputs:
            body = out.split("<!--gd-split-->")[1]
            for p in re.split(r'(?=<div class="sourceCode" id="src\d+">)', body):
                m = re.match(r'<div class="sourceCode" id="src(\d+)">', p)
                if m:
                    pieces[int(m.group(1))] = p
        pieces = [pieces[i] for i in range(len(self.sources))]
        for rel, piece in zip(self.sources, pieces):
            # GitHub's anchors: #L12 is line 12, so the chapters' #L10-L24 links land.
            piece = re.sub(r'(id|href)="(#?)src\d+-(\d+)"', r'\1="\2L\3"', piece)
            self.render_source_page(rel, os.path.join(self.out, rel + ".html"), None, piece)
            if not rel.endswith(".html"):  # a page's source would be served as a broken page
                shutil.copyfile(os.path.join(self.source, rel), os.path.join(self.out, rel))
        return css

    def render_source_page(self, rel, out_file, text, code_html):
        if code_html is None:  # a Markdown file shown as its text
            code_html = "<pre class=plain>" + "".join(
                f'<span id="L{n}">{html.escape(line)}\n</span>'
                for n, line in enumerate(text.splitlines(), 1)) + "</pre>"
        out_rel = os.path.relpath(out_file, self.out)
        crumbs, acc = [], ""
        for part in os.path.dirname(rel).split("/") if os.path.dirname(rel) else []:
            acc = os.path.join(acc, part)
            link = os.path.relpath(os.path.join(acc, "index.html"), os.path.dirname(out_rel))
            crumbs.append(f'<a href="{link}">{html.escape(part)}</a>')
        name = os.path.basename(rel)
        head = f'<h1 class="path">{" / ".join(crumbs + [html.escape(name)])}</h1>'
        if not rel.endswith(".html"):
            head += f'<p class="source-note"><a href="{html.escape(name)}">plain text</a></p>'

        write(out_file, self.chrome(out_rel, rel, head + code_html, kind="source"))

    def build_listings(self):
        """An index.html listing the files of every folder that has no page of its own."""
        held = set(self.sources) | set(self.figures)
        folders = set()
        for rel in held:
            d = os.path.dirname(rel)
            while d:
                folders.add(d)
                d = os.path.dirname(d)
        for folder in sorted(folders):
            out_page = os.path.join(folder, "index.html")
            if os.path.exists(os.path.join(self.out, out_page)):
                continue  # a chapter: its README is its page
            entries = []
            for name in sorted(os.listdir(os.path.join(self.source, folder))):
                rel = os.path.join(folder, name)
                target = None
                if rel in folders:
                    target, label = os.path.join(rel, "index.html"), name + "/"
                elif rel in held or rel in self.titles:
                    target, label = self.page_of(rel), name
                if target:
                    link = os.path.relpath(target, folder)
                    thumb = (f'<img src="{html.escape(link)}" alt="{html.escape(name)}" '
                             f'loading="lazy">' if rel in self.figures else "")
                    entries.append(f'<li><a href="{html.escape(link)}">{thumb}'
                                   f'{html.escape(label)}</a></li>')
            parts = folder.split("/")
            crumbs = [f'<a href="{"../" * (len(parts) - 1 - k)}index.html">{html.escape(part)}</a>'
                      for k, part in enumerate(parts[:-1])] + [html.escape(parts[-1])]
            body = (f'<h1 class="path">{" / ".join(crumbs)}/</h1>'
                    f'<ul class="listing{" figures" if folder.startswith("figures") else ""}">'
                    + "\n".join(entries) + "</ul>")
            write(os.path.join(self.out, out_page), self.chrome(out_page, folder + "/", body,
                                                                kind="listing"))

    def render_math(self):
        pages = []
        for root, _, files in os.walk(self.out):
            pages += [os.path.join(root, f) for f in files if f.endswith(".html")]
        run = subprocess.run(["node", os.path.join(HERE, "katex_render.js"), KATEX_DIR]
                             + sorted(pages), capture_output=True, text=True)
        sys.stdout.write(run.stdout)
        sys.stderr.write(run.stderr)
        if run.returncode != 0:
            sys.exit("katex_render.js failed: " + run.stderr)
        return len(pages)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default=".", help="the repository's root")
    ap.add_argument("--out", required=True, help="the site's folder (emptied first)")
    ap.add_argument("--wasm", help="the playground's WebAssembly module (one .js file)")
    args = ap.parse_args()
    site = Site(os.path.abspath(args.source), os.path.abspath(args.out))
    n = site.build(args.wasm)
    for w in site.warnings:
        print("build_site.py: warning:", w, file=sys.stderr)
    print(f"build_site.py: {n} pages, {len(site.figures)} figures in {args.out}")


if __name__ == "__main__":
    main()
