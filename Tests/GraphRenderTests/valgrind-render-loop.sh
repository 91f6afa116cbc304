#!/bin/sh
# Leak check of the Graphviz engine under valgrind.
#
# valgrind 3.19 crashes inside libdispatch when it runs the Swift test bundle, so this builds
# a tiny executable from a main.swift linked against the objects of `swift build`, renders N
# times (SVG, PNG, PDF, DOT in turn, with a failed parse and a rejected shape every tenth
# render, and all four formats from one layout every fourth), and prints valgrind's leak
# summary for N=10 and N=100. A leak of ours grows with N; Graphviz's one-time
# fontconfig/pango caches do not.
#
# Usage: Tests/GraphRenderTests/valgrind-render-loop.sh   (from the package root)
set -eu
swift build --target GraphRender >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/main.swift" <<'SWIFT'
import Foundation
import GraphRender

let count = Int(CommandLine.arguments.dropFirst().first ?? "100") ?? 100
let formats: [GraphFormat] = [.svg, .png, .pdf, .dot]
var bytes = 0
for index in 0..<count {
    let dot = """
    digraph "loop" { graph [fontname="DejaVu Sans"]; node [fontname="DejaVu Sans"]; edge [fontname="DejaVu Sans"];
      "Stalin" -> "Churchill" [label="\(index) Łódź"]; "Churchill" -> "Roosevelt"; }
    """
    bytes += try GraphvizEngine.shared.render(dot, format: formats[index % formats.count], dpi: 72).data.count
    if index % 4 == 0 {  // every format from one layout
        bytes += try GraphvizEngine.shared.render(dot, formats: formats, dpi: 72).values.map(\.data.count).reduce(0, +)
    }
    if index % 10 == 0 {
        do { _ = try GraphvizEngine.shared.render("digraph { a -> }", format: .svg); fatalError("bad DOT rendered") } catch is GraphvizError {}
        do { _ = try GraphvizEngine.shared.render("digraph \"g\" { a [shape=blob] }", format: .png); fatalError("bad shape rendered") } catch is GraphvizError {}
        _ = try GraphvizEngine.shared.parse(dot)
    }
}
print("rendered \(count) graphs, \(bytes) bytes")
SWIFT
objects=$(ls .build/debug/GraphRender.build/*.o .build/debug/Correspondence.build/*.o \
          .build/debug/Analysis.build/*.o .build/debug/Styling.build/*.o .build/debug/TOMLReader.build/*.o 2>/dev/null)
swiftc -g "$work/main.swift" -I .build/debug/Modules \
    -Xcc -fmodule-map-file=Sources/CGraphviz/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CCairo/module.modulemap \
    $objects -lgvc -lcgraph -lcdt -lcairo -lfontconfig -o "$work/render-loop"
for n in 10 100; do
    valgrind --leak-check=full --num-callers=40 --log-file="$work/valgrind-$n.log" "$work/render-loop" "$n"
    echo "== $n renders"
    grep -A5 "LEAK SUMMARY" "$work/valgrind-$n.log" | sed 's/^==[0-9]*== //'
    # Where each definite leak was allocated: the first frame past the allocator.
    echo "   definite leaks by allocating function (count of records):"
    awk '/definitely lost in/{block=1; next} block && /(at|by) 0x/ && !/(malloc|calloc|realloc|strdup|vg_replace)/{print "     " $4, $5, $6; block=0}' \
        "$work/valgrind-$n.log" | sort | uniq -c | sort -rn
done
