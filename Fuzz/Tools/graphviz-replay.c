/* Lays out and renders (SVG) every graph of a file, in order, ROUNDS times, in one process with
 * one Graphviz context, as GraphvizEngine does: Graphviz alone, without Epistolary or a
 * sanitizer, so valgrind sees every read and write of libgvc. The graphs of a file are
 * separated by NUL bytes: a .dot file is a file of one graph, and `FUZZ_DOT_DUMP=FILE`
 * makes FuzzDOT write every graph it lays out to FILE so (Fuzz/README.md).
 *
 *   cc -O1 -o /tmp/gv-replay Fuzz/Tools/graphviz-replay.c $(pkg-config --cflags --libs libgvc)
 *
 * 1. Graphviz 2.43 loses memory on every layout of an HTML-like label: the label's parse
 *    (htmlparse) and the Pango markup of its text (pango_parse_markup in the pango plugin) are
 *    never freed, about 1.2 KB per render of html-label.dot. FuzzDOT renders such labels on
 *    every input, so its resident memory grows by some 3 KB an execution, and a campaign of
 *    1,000,000 needs more than libFuzzer's 2 GB: Fuzz/campaign gives FuzzDOT a larger
 *    -rss_limit_mb (keeping -malloc_limit_mb at 2048).
 *
 *   /usr/bin/time -f "%M KB" /tmp/gv-replay Fuzz/Tools/html-label.dot 200    # 13,776 KB
 *   /usr/bin/time -f "%M KB" /tmp/gv-replay Fuzz/Tools/html-label.dot 1200   # 14,944 KB
 *   valgrind --leak-check=full /tmp/gv-replay Fuzz/Tools/html-label.dot 60   # "definitely lost" in htmlparse, pango_parse_markup
 *
 * 2. Graphviz 2.43 expands escapes (\N, \\) in the text of an HTML-like label and in a tooltip
 *    (strdup_and_subst_obj), and reads past the end of a string left ending in an odd
 *    backslash, copying what follows into the new string (issue 17). html-backslash.dot holds
 *    both, written as DOTWriter wrote them before it doubled such backslashes:
 *
 *   valgrind /tmp/gv-replay Fuzz/Tools/html-backslash.dot 1           # 4 invalid reads: make_html_label, initMapData
 *   valgrind /tmp/gv-replay Fuzz/Tools/html-backslash-escaped.dot 1   # as DOTWriter writes them now: none
 */
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s FILE ROUNDS\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
    char *text = malloc(n + 1);
    if (fread(text, 1, n, f) != (size_t)n) { fprintf(stderr, "short read\n"); return 2; }
    text[n] = 0; fclose(f);
    int rounds = atoi(argv[2]);
    long graphs = 0, failed = 0;
    GVC_t *gvc = gvContext();
    for (int r = 0; r < rounds; r++) {
        for (char *p = text; p < text + n; p += strlen(p) + 1) {
            if (!*p) continue;
            graphs++;
            Agraph_t *g = agmemread(p);
            if (!g) { failed++; continue; }
            if (gvLayout(gvc, g, "dot") == 0) {
                char *out; unsigned int length;
                if (gvRenderData(gvc, g, "svg", &out, &length) == 0) gvFreeRenderData(out);
                else failed++;
                gvFreeLayout(gvc, g);
            } else {
                failed++;
            }
            agclose(g);
        }
    }
    gvFreeContext(gvc);
    free(text);
    fprintf(stderr, "%ld graphs, %ld refused\n", graphs, failed);
    return 0;
}
