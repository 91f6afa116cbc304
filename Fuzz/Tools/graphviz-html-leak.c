/* Graphviz 2.43 loses memory on every layout of an HTML-like label: the label's parse
 * (htmlparse) and the Pango markup of its text (pango_parse_markup in the pango plugin) are
 * never freed, about 1.4 KB per render of the small graph below, with nothing of Epistolary in
 * the process. FuzzDOT renders such labels on every input, so its resident memory grows by some
 * 3 KB an execution, and a campaign of 1,000,000 needs more than libFuzzer's 2 GB: Fuzz/campaign
 * gives FuzzDOT a larger -rss_limit_mb (keeping -malloc_limit_mb at 2048).
 *
 *   cc -O1 -o /tmp/gv-leak Fuzz/Tools/graphviz-html-leak.c $(pkg-config --cflags --libs libgvc)
 *   /usr/bin/time -f "%M KB" /tmp/gv-leak Fuzz/Tools/html-label.dot 200    # 13,320 KB
 *   /usr/bin/time -f "%M KB" /tmp/gv-leak Fuzz/Tools/html-label.dot 1200   # 14,684 KB
 *   valgrind --leak-check=full /tmp/gv-leak Fuzz/Tools/html-label.dot 60   # "definitely lost" in htmlparse, pango_parse_markup
 */
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s FILE.dot ITERATIONS\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
    char *text = malloc(n + 1);
    if (fread(text, 1, n, f) != (size_t)n) { fprintf(stderr, "short read\n"); return 2; }
    text[n] = 0; fclose(f);
    int iterations = atoi(argv[2]);
    GVC_t *gvc = gvContext();
    for (int i = 0; i < iterations; i++) {
        Agraph_t *g = agmemread(text);
        if (!g) { fprintf(stderr, "parse failed\n"); return 1; }
        if (gvLayout(gvc, g, "dot") != 0) { fprintf(stderr, "layout failed\n"); return 1; }
        char *out; unsigned int length;
        gvRenderData(gvc, g, "svg", &out, &length);
        gvFreeRenderData(out);
        gvFreeLayout(gvc, g);
        agclose(g);
    }
    gvFreeContext(gvc);
    free(text);
    return 0;
}
