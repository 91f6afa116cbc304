#ifndef EPISTOLARY_CGRAPHVIZ_SHIM_H
#define EPISTOLARY_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <fontconfig/fontconfig.h>
#include <zlib.h>

/* Exported by libgvc but declared only in a private header. */
extern void gvjobs_delete(GVC_t *gvc);
extern char *gvplugin_list(GVC_t *gvc, api_t api, const char *str);
extern void emit_once_reset(void);
extern shape_desc *find_user_shape(const char *name);

/* cgraph 2.43 takes char *; Swift strings convert to const char * only. */
/* cgraph's lexer keeps what it read ahead of the last graph (a final newline, or a second
   graph) and its line count: the next read would start with them, and report errors at the
   wrong line. aglexbad flushes the buffer, agsetfile(NULL) resets the count (and keeps the
   messages free of a file name). */
extern void aglexbad(void);
static inline Agraph_t *epi_agmemread(const char *text) {
    aglexbad();
    agsetfile(NULL);
    return agmemread(text);
}
static inline int epi_gvLayout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, engine);
}
static inline int epi_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format,
                                   char **result, unsigned int *length) {
    return gvRenderData(gvc, g, format, result, length);
}
static inline int epi_gvRenderContext(GVC_t *gvc, Agraph_t *g, const char *format, void *context) {
    return gvRenderContext(gvc, g, format, context);
}
static inline char *epi_gvplugin_list(GVC_t *gvc, api_t api, const char *kind) {
    return gvplugin_list(gvc, api, kind);
}
static inline char *epi_agget(void *obj, const char *name) { return agget(obj, (char *)name); }
/* Looks an attribute up (NULL value: never declares it). */
static inline Agsym_t *epi_agattr_lookup(Agraph_t *g, int kind, const char *name) {
    return agattr(g, kind, (char *)name, NULL);
}
/* Sets a graph attribute, declaring it with an empty default when the DOT did not. */
static inline int epi_agsafeset(void *obj, const char *name, const char *value) {
    return agsafeset(obj, (char *)name, (char *)value, "");
}

/* agtail/aghead are pointer-arithmetic macros Swift cannot import. */
static inline Agnode_t *epi_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *epi_aghead(Agedge_t *e) { return aghead(e); }

/* Graphviz warns about an unknown shape only the first time in a process, then reuses the
   box it registered under that name. Such a node has a registered, non-user shape. */
static inline const char *epi_unknown_shape_name(Agnode_t *n) {
    shape_desc *shape = ND_shape(n);
    if (shape == NULL || shape->usershape || shape->name == NULL) return NULL;
    return find_user_shape(shape->name) == shape ? shape->name : NULL;
}
#endif
