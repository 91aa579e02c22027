/* SPDX-License-Identifier: MIT */
/* gofmt's column alignment around inserted blocks.
 *
 * gofmt aligns the trailing comments of consecutive lines, and the '{' of
 * consecutive one-line function declarations, to one column: the widest
 * text plus one blank. A tracking block between two such lines, or a
 * one-line function opened up, splits the run, and gofmt would align each
 * part on its own. The track side re-pads the parts (as splices) and
 * records every original padding in the hint of a neighbouring block,
 * `pad=KIND LINE:N,...` (KIND c for a comment, f for a function's '{';
 * LINE relative to the block; N the original number of blanks); the clean
 * side puts exactly those paddings back. */
#ifndef GOAT_REWRITE_ALIGN_H
#define GOAT_REWRITE_ALIGN_H

#include <stddef.h>

#include "parser/ast.h"
#include "rewrite/place.h"
#include "rewrite/splice.h"
#include "util/error.h"
#include "util/lines.h"
#include "util/strbuf.h"

/* Adds the re-padding edits for the blocks about to go in at places, and
 * appends to hints[i] (one per place) the " pad=..." text of place i.
 * lines are src's line starts. */
void goat_align_plan(const goat_node *file, const char *src, size_t len, const goat_lines *lines,
                     const goat_places *places, goat_splices *edits, goat_strbuf *hints);

/* The " pad=" of a hint's hint_len bytes, or NULL: outside the quoted
 * gaps an opened body or a split line records, which hold source text
 * (and so perhaps " pad=" itself). */
const char *goat_align_find_pad(const char *hint, size_t hint_len);

/* Restores the paddings a block's hint records. pad points at the hint's
 * "pad=" text (pad_len bytes, up to the next blank or the end). Negative
 * relative lines count from before_base (the generate line: -1 is the line
 * above), positive ones from after_base (the block's last line, or the
 * closing line of an opened body: +1 is the line after). */
goat_error *goat_align_restore(const char *filename, const goat_node *file, const char *src, size_t len,
                               const char *pad, size_t pad_len, int before_base, int after_base,
                               goat_splices *edits);

#endif
