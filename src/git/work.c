/* SPDX-License-Identifier: MIT */
#include "git/work.h"

#include <stdlib.h>
#include <string.h>

#include "git/blame.h"
#include "git/filter.h"
#include "git/repo.h"
#include "util/file.h"
#include "util/xalloc.h"

static int count_lines(const char *src, size_t len)
{
    int lines = 0;
    for (const char *p = src; (p = memchr(p, '\n', (size_t)(src + len - p))) != NULL; p++)
        lines++;
    if (len > 0 && src[len - 1] != '\n')
        lines++;
    return lines;
}

static int on_line(const git_diff_delta *delta, const git_diff_hunk *hunk, const git_diff_line *line, void *payload)
{
    (void)delta;
    (void)hunk;
    if (line->origin == GIT_DIFF_LINE_ADDITION)
        goat_lineset_add(payload, line->new_lineno);
    return 0;
}

/* The lines git diff shows as added, with no context. Blobs, not
 * buffers: libgit2 computes a buffer's object id (SHA-1 with collision
 * detection, an eighth of a whole track run's instructions), while a
 * blob's is known. Both sides are named "": libgit2 then looks up no diff
 * driver (a driver changes only hunk headers, which goat never reads),
 * where without a name it calls both sides "file" and searches the
 * .gitattributes files for that name, about eight failing file system
 * calls a file. */
static goat_error *diff_lines(git_repository *repo, goat_work_item *item, const git_blob *new_blob)
{
    git_blob *old_blob = NULL;
    if (git_blob_lookup(&old_blob, repo, &item->old_blob) < 0)
        return goat_git_error("%s: cannot read the old version", item->old_path);
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.context_lines = 0;
    /* git diff's default since git 2.14: it decides which of several equal
     * lines a block of added lines starts at. */
    opts.flags |= GIT_DIFF_INDENT_HEURISTIC;
    int rc = git_diff_blobs(old_blob, "", new_blob, "", &opts, NULL, NULL, NULL, on_line, &item->lines);
    git_blob_free(old_blob);
    if (rc < 0)
        return goat_git_error("%s: cannot diff", item->path);
    return NULL;
}

/* A file with no old version: every line is added, as git diff would show
 * it unless the content is binary. */
static void all_lines(goat_work_item *item, bool binary, int total)
{
    if (!binary)
        goat_lineset_add_range(&item->lines, 1, total);
}

/* A new file's text, read from the working tree instead of inflated from
 * its blob: an inflate costs about a sixteenth of an oldBranch INIT run's
 * instructions, a read a copy from the page cache. ctx->worktree is set
 * only when the working tree holds newBranch's files, so the file is the
 * blob as checkout wrote it. The only filters that can make the two differ
 * change the size: libgit2's own (end of line conversion adds a CR to each
 * LF, ident fills in $Id$) and a driver only git runs (git LFS, a
 * working-tree-encoding); a blob whose size the file does not have is read
 * from the object database. That costs a header read, not the filter
 * lookup (about half of what the read saves). NULL, with nothing read,
 * when the file cannot be used. */
static char *worktree_text(const goat_work_context *ctx, git_repository *repo, const goat_work_item *item,
                           size_t *len)
{
    if (!ctx->worktree)
        return NULL;
    git_odb *odb = NULL;
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    bool known = git_repository_odb(&odb, repo) == 0 && git_odb_read_header(&size, &type, odb, &item->new_blob) == 0 &&
                 type == GIT_OBJECT_BLOB;
    git_odb_free(odb);
    if (!known)
        return NULL;
    char *path = goat_xasprintf("%s%s", ctx->worktree, item->repo_path);
    char *text = NULL;
    goat_error *err = goat_read_file(path, &text, len);
    free(path);
    if (err || *len != size) {
        goat_error_free(err);
        free(text);
        return NULL;
    }
    return text;
}

/* git_blob_is_binary's answer for any text: libgit2 looks at the first
 * 8000 bytes of a blob (GIT_FILTER_BYTES_TO_CHECK_NUL, not public). */
static bool is_binary(const char *src, size_t len)
{
    return git_blob_data_is_binary(src, len < 8000 ? len : 8000) == 1;
}

void goat_work_run(const goat_work_context *ctx, git_repository *repo, goat_work_item *item)
{
    size_t len = 0;
    /* the new side of a diff must be a blob (see diff_lines), and blame
     * reads its blobs itself */
    char *disk = ctx->kind == GOAT_WORK_DIFF && !item->has_old ? worktree_text(ctx, repo, item, &len) : NULL;
    const char *src = disk;
    git_blob *blob = NULL;
    if (!disk) {
        if (git_blob_lookup(&blob, repo, &item->new_blob) < 0) {
            item->err = goat_git_error("%s: cannot read the new version", item->path);
            return;
        }
        src = git_blob_rawcontent(blob);
        len = (size_t)git_blob_rawsize(blob);
    }
    int total = count_lines(src, len);
    item->skip_reason = goat_filter_content_reason(src, len);
    if (!item->skip_reason) {
        if (ctx->kind == GOAT_WORK_DIFF && item->has_old)
            item->err = diff_lines(repo, item, blob);
        else if (ctx->kind == GOAT_WORK_DIFF)
            all_lines(item, is_binary(src, len), total);
        else if (!is_binary(src, len))
            item->err = goat_blame_new_lines(ctx->range, ctx->renames, repo, &ctx->new_commit, item->repo_path,
                                             &item->new_blob, total, &item->lines);
    }
    goat_lineset_freeze(&item->lines);
    item->lines.all = total > 0 && item->lines.count == (size_t)total;
    git_blob_free(blob);
    /* Only a file the caller will rewrite: the text of a skipped file
     * would be held for nothing until the analysis ends. */
    if (disk && ctx->keep_text && !item->skip_reason && !item->err && item->lines.count > 0) {
        item->text = disk;
        item->text_len = len;
        disk = NULL;
    }
    free(disk);
}
