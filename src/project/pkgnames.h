/* SPDX-License-Identifier: MIT */
/* The package-wide part of Go's function names (rewrite/funcname.h): for
 * a file, what the files of its package compiled before it add to the
 * numbers of init.N and glob..funcN.
 *
 * A package is the Go files of one directory that the go command would
 * compile together with the file: same package clause, not _test.go, not
 * starting with '.' or '_', not a symbolic link, and selected by their
 * build constraints and GOOS/GOARCH file name suffixes for the target
 * platform: GOOS and GOARCH from the environment, else the machine goat
 * runs on; the tags set are GOOS, GOARCH, unix (on Unix systems), gc,
 * cgo (unless CGO_ENABLED=0, which leaves out the files importing "C"),
 * go1.1 to go1.19, and linux for android,
 * solaris for illumos, darwin for ios. The go command compiles a
 * package's files in name order, those importing "C" after the others.
 * Files are read from disk (goat's own blocks add no function) and parsed
 * in outline (parser.h: named functions' bodies hold nothing counted); one
 * that does not parse is left out, with a warning. A file is read only
 * when a query needs it and nobody told of it (goat_pkgnames_tell): a
 * query for a file that does not import "C" reads the files named before
 * it, one for a file importing "C" every file of the directory. */
#ifndef GOAT_PROJECT_PKGNAMES_H
#define GOAT_PROJECT_PKGNAMES_H

#include "rewrite/funcname.h"

typedef struct goat_pkgnames goat_pkgnames;

goat_pkgnames *goat_pkgnames_new(void);
/* The counts before path (relative to the current directory, '/'
 * separators); each directory is listed once, each file read at most
 * once. Safe to call from several threads at once. */
void goat_pkgnames_before(goat_pkgnames *pn, const char *path, goat_funcname_counts *out);

/* Tells pn the facts of the file at path (as goat_pkgnames_before names
 * it) from file, a tree (full or outline) the caller parsed of src, so
 * that no query reads or parses it: src must be the file's text on disk,
 * give or take goat's blocks. What pn knows of a file already (told, or
 * read) stays. Safe to call from several threads at once. */
void goat_pkgnames_tell(goat_pkgnames *pn, const char *path, const char *src, size_t len, const goat_node *file);

void goat_pkgnames_free(goat_pkgnames *pn);

/* The counts before one path, for the rewrite to ask for only when the
 * file needs them (goat_funcname_before), and to be told the file's tree
 * (goat_pkgnames_tell) as soon as the rewrite has parsed it: the text the
 * rewrite gets must be path's on disk, give or take goat's blocks. query
 * must outlive the source. */
typedef struct goat_pkgnames_query {
    goat_pkgnames *pn;
    const char *path;
} goat_pkgnames_query;

goat_funcname_before goat_pkgnames_source(goat_pkgnames_query *query);

#endif
