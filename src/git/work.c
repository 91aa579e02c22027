#include "git/work.h"

#include <string.h>

#include "git/filter.h"
#include "git/repo.h"

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

static goat_error *diff_lines(git_repository *repo, goat_work_item *item, git_blob *new_blob)
{
    git_blob *old_blob = NULL;
    if (item->has_old && git_blob_lookup(&old_blob, repo, &item->old_blob) < 0)
        return goat_git_error("%s: cannot read the old version", item->old_path);
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.context_lines = 0;
    /* git diff's default since git 2.14: it decides which of several equal
     * lines a block of added lines starts at. */
    opts.flags |= GIT_DIFF_INDENT_HEURISTIC;
    int rc = git_diff_blobs(old_blob, item->old_path, new_blob, item->path, &opts, NULL, NULL, NULL, on_line,
                            &item->lines);
    git_blob_free(old_blob);
    if (rc < 0)
        return goat_git_error("%s: cannot diff", item->path);
    return NULL;
}

static goat_error *blame_lines(const goat_work_context *ctx, git_repository *repo, goat_work_item *item)
{
    git_blame_options opts;
    git_blame_options_init(&opts, GIT_BLAME_OPTIONS_VERSION);
    git_oid_cpy(&opts.newest_commit, &ctx->new_commit);
    /* Blame stops at this ancestor of oldBranch: whatever it would find
     * beyond is reachable from oldBranch too, hence old. */
    if (ctx->have_boundary)
        git_oid_cpy(&opts.oldest_commit, &ctx->boundary);
    git_blame *blame = NULL;
    if (git_blame_file(&blame, repo, item->repo_path, &opts) < 0)
        return goat_git_error("%s: cannot blame", item->path);
    goat_error *err = NULL;
    uint32_t hunks = git_blame_get_hunk_count(blame);
    for (uint32_t i = 0; i < hunks && !err; i++) {
        const git_blame_hunk *hunk = git_blame_get_hunk_byindex(blame, i);
        bool reachable = false;
        err = goat_reach_query(ctx->reach, repo, &hunk->final_commit_id, &reachable);
        if (!err && !reachable && hunk->lines_in_hunk > 0)
            goat_lineset_add_range(&item->lines, (int)hunk->final_start_line_number,
                                   (int)(hunk->final_start_line_number + hunk->lines_in_hunk - 1));
    }
    git_blame_free(blame);
    return err;
}

void goat_work_run(const goat_work_context *ctx, git_repository *repo, goat_work_item *item)
{
    git_blob *blob = NULL;
    if (git_blob_lookup(&blob, repo, &item->new_blob) < 0) {
        item->err = goat_git_error("%s: cannot read the new version", item->path);
        return;
    }
    const char *src = git_blob_rawcontent(blob);
    size_t len = (size_t)git_blob_rawsize(blob);
    item->skip_reason = goat_filter_content_reason(src, len);
    if (!item->skip_reason) {
        if (ctx->kind == GOAT_WORK_DIFF)
            item->err = diff_lines(repo, item, blob);
        else if (!git_blob_is_binary(blob))
            item->err = blame_lines(ctx, repo, item);
    }
    goat_lineset_freeze(&item->lines);
    int total = count_lines(src, len);
    item->lines.all = total > 0 && item->lines.count == (size_t)total;
    git_blob_free(blob);
}
