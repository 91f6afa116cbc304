#!/usr/bin/env python3
"""Opens a .cyjs export in Cytoscape.js inside headless Chromium, as a user's page would, and
checks that it shows the figure's drawing without running a layout of its own.

Cytoscape.js comes from a PyPI wheel that bundles it (streamlit-cytoscapejs ships its webpack
build, Cytoscape.js 3.22 included); the page loads that chunk and requires the Cytoscape module
out of it with a few lines of webpack's runtime, then calls
`cytoscape({container, elements, style, layout})` with the file's own `layout` (`preset`).

Checks, from the rendered graph: every node is on the canvas at the file's position (the
preset layout was used, not a layout of Cytoscape's own); no two nodes are stacked (distinct
centres, boxes overlapping less than half the smaller one); nodes have the file's colours.
Writes a PNG screenshot next to the report.

usage: cytoscape_check.py FILE.cyjs CYTOSCAPE_CHUNK.js SCREENSHOT.png
"""
import json, os, re, shutil, subprocess, sys, tempfile

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;height:100%%} #cy{position:absolute;left:0;top:0;width:1200px;height:900px}</style>
<script>%(chunk)s</script></head><body><div id="cy"></div><pre id="result" style="display:none">pending</pre><script>
(function(){
  var jsonp = Object.keys(window).filter(function(k){return k.indexOf('webpackJsonp')===0;})[0];
  var modules = {}; (window[jsonp]||[]).forEach(function(e){ Object.assign(modules, e[1]); });
  var cache = {};
  function req(id){ if (cache[id]) return cache[id].exports;
    var m = cache[id] = {i:id, l:false, exports:{}}; modules[id].call(m.exports, m, m.exports, req); m.l = true; return m.exports; }
  req.m = modules; req.c = cache; req.p = '';
  req.d = function(e,n,g){ if(!Object.prototype.hasOwnProperty.call(e,n)) Object.defineProperty(e,n,{enumerable:true,get:g}); };
  req.r = function(e){ Object.defineProperty(e,'__esModule',{value:true}); };
  req.n = function(m){ var g = m && m.__esModule ? function(){return m['default'];} : function(){return m;}; req.d(g,'a',g); return g; };
  req.o = function(o,p){ return Object.prototype.hasOwnProperty.call(o,p); };
  req.t = function(v){ return v; };
  var id = Object.keys(modules).filter(function(k){ var s = modules[k].toString();
    return s.indexOf('.warnings=function') >= 0 && /\\.version="3\\./.test(s); })[0];
  var exported = req(id); var cytoscape = typeof exported === 'function' ? exported : exported['default'];
  var doc = %(document)s;
  var cy = cytoscape({container: document.getElementById('cy'), elements: doc.elements, style: doc.style,
                      layout: doc.layout || {name: 'grid'}});
  var nodes = cy.nodes().map(function(n){ var b = {w: n.renderedOuterWidth(), h: n.renderedOuterHeight()};
    return {id: n.id(), x: n.position('x'), y: n.position('y'), w: b.w, h: b.h, rx: n.renderedPosition('x'), ry: n.renderedPosition('y'),
            bg: n.style('background-color')}; });
  document.getElementById('result').textContent = JSON.stringify({version: cytoscape.version, nodes: nodes,
    edges: cy.edges().length, zoom: cy.zoom()});
})();
</script></body></html>"""


def rgb(hex_colour):
    return "rgb(%d,%d,%d)" % tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def main():
    folder = tempfile.mkdtemp(prefix="cyjs-")
    try:
        check(folder)
    finally:
        # The page and Chromium's profile are scratch: a test run must not leave them in /tmp.
        shutil.rmtree(folder, ignore_errors=True)


def check(folder):
    cyjs, chunk_path, screenshot = sys.argv[1:4]
    document = json.load(open(cyjs, encoding="utf-8"))
    chunk = open(chunk_path, encoding="utf-8").read().replace("</script", "<\\/script")
    page = PAGE % {"chunk": chunk, "document": json.dumps(document).replace("</", "<\\/")}
    html = os.path.join(folder, "page.html")
    open(html, "w", encoding="utf-8").write(page)
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if subprocess.run(
        ["which", b], capture_output=True).returncode == 0), None)
    if browser is None:
        sys.exit("no headless Chromium (apt install chromium)")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,900",
             "--virtual-time-budget=10000", "--user-data-dir=" + os.path.join(folder, "profile")]
    dom = subprocess.run(flags + ["--dump-dom", "file://" + html], capture_output=True, text=True, timeout=120)
    match = re.search(r'<pre id="result" style="display:none">(.*?)</pre>', dom.stdout, re.S)
    if not match or match.group(1) == "pending":
        sys.exit("the page did not render the graph:\n" + dom.stderr[-2000:])
    import html as htmllib
    result = json.loads(htmllib.unescape(match.group(1)))
    subprocess.run(flags + ["--screenshot=" + os.path.abspath(screenshot), "file://" + html], capture_output=True, timeout=120)

    problems = []
    expected = {n["data"]["id"]: n for n in document["elements"]["nodes"]}
    drawn = {n["id"]: n for n in result["nodes"]}
    if set(drawn) != set(expected):
        problems.append("nodes differ: %d drawn, %d in the file" % (len(drawn), len(expected)))
    for node_id, node in expected.items():
        if "position" not in node:
            problems.append("%s has no position in the file" % node_id)
            continue
        got = drawn.get(node_id)
        if got and (abs(got["x"] - node["position"]["x"]) > 0.01 or abs(got["y"] - node["position"]["y"]) > 0.01):
            problems.append("%s moved: file %s, drawn (%s, %s): a layout other than the file's ran" % (
                node_id, node["position"], got["x"], got["y"]))
        if got and "color" in node["data"] and got["bg"].replace(" ", "") != rgb(node["data"]["color"]):
            problems.append("%s drawn in %s, file says %s" % (node_id, got["bg"], node["data"]["color"]))
    centres = {(round(n["rx"], 1), round(n["ry"], 1)) for n in result["nodes"]}
    if len(centres) != len(result["nodes"]):
        problems.append("stacked: %d nodes at %d distinct places" % (len(result["nodes"]), len(centres)))
    boxes = result["nodes"]
    stacked = 0
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            ox = min(a["rx"] + a["w"] / 2, b["rx"] + b["w"] / 2) - max(a["rx"] - a["w"] / 2, b["rx"] - b["w"] / 2)
            oy = min(a["ry"] + a["h"] / 2, b["ry"] + b["h"] / 2) - max(a["ry"] - a["h"] / 2, b["ry"] - b["h"] / 2)
            if ox > 0 and oy > 0 and ox * oy > 0.5 * min(a["w"] * a["h"], b["w"] * b["h"]):
                stacked += 1
    if stacked:
        problems.append("%d pairs of nodes overlap by more than half" % stacked)
    report = {"file": cyjs, "cytoscape": result["version"], "nodes": len(boxes), "edges": result["edges"],
              "distinct_centres": len(centres), "overlapping_pairs": stacked, "screenshot": screenshot,
              "problems": problems[:20]}
    print(json.dumps(report))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
