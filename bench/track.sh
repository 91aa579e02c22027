#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark of `goat track` end to end on the git benchmark's large change:
# the Go standard library's net, encoding and go trees committed as a base,
# then a second commit editing a few thousand lines in a few hundred files
# (the same deterministic awk edits as bench/git.sh). Measures wall time and
# peak RSS (best of 5 runs, the tree restored with `goat clean` between
# runs; CPU time is user + system of that run, which the machine's load
# does not inflate the way it inflates wall time) for two configurations
# with threads: 1:
#   diffPrecision 2, granularity patch (base -> HEAD)
#   oldBranch INIT, granularity line (every line of every file is new)
# Target: under 0.3 s each. Prints figures; never fails on them.
#
# The runs are made twice: in a copy of the repository under TMPDIR (the
# disk), and in one on a tmpfs (BENCH_TMPFS, default /dev/shm, skipped when
# it is not a writable tmpfs). On the disk, wall time also measures the
# machine's page cache and file system: virtual machines that reclaim page
# cache within seconds make goat wait for reads, and ext4 without a journal
# scans recently deleted inodes on every file creation (each run creates a
# temporary file per rewritten file). The tmpfs figures are goat's own.
GOAT=${GOAT:-${top_builddir:-.}/goat}
[ -x "$GOAT" ] || { echo "track.sh: $GOAT not built"; exit 1; }
command -v git >/dev/null 2>&1 || { echo "track.sh: git CLI not installed, skipped"; exit 0; }
SRC=${GOROOT_SRC:-/usr/share/go-1.19}/src
[ -d "$SRC/net" ] || { echo "track.sh: no Go source tree at $SRC, skipped"; exit 0; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "track.sh: $TIME (GNU time) not installed, skipped"; exit 0; }

WORK=$(mktemp -d) || exit 1
TMPFS=${BENCH_TMPFS:-/dev/shm}
trap 'rm -rf "$WORK" "$TMPFS/goat-bench-repo.$$"' EXIT
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GOAT_CONFIG GOAT_TEST_FAIL_WRITE

repo=$WORK/repo
mkdir -p "$repo" && cd "$repo" || exit 1
git -c init.defaultBranch=main init -q . || exit 1
for d in net encoding go; do cp -R "$SRC/$d" "$repo/$d"; done
printf 'module std\n\ngo 1.19\n' > go.mod
git add -A && GIT_AUTHOR_DATE="@1600000000 +0000" GIT_COMMITTER_DATE="@1600000000 +0000" git commit -q -m base
git tag base

find net encoding go -name '*.go' ! -name '*_test.go' ! -path '*/testdata/*' | LC_ALL=C sort |
    awk 'NR % 5 != 0' > "$WORK/edited"
while read -r f; do
    awk '{ if (NR % 40 == 0) print $0 " // edited"; else print }
         NR % 60 == 0 { print "// inserted by the benchmark" }' "$f" > "$WORK/tmp" && cat "$WORK/tmp" > "$f"
done < "$WORK/edited"
git add -A && GIT_AUTHOR_DATE="@1600000100 +0000" GIT_COMMITTER_DATE="@1600000100 +0000" git commit -q -m edits
echo "repository: $(git ls-files | wc -l) files, $(git ls-files '*.go' | wc -l) Go files; change:$(git diff --shortstat base HEAD)"

# measure NAME INIT-ARGS...: best wall time and peak RSS of five goat track
# runs in the current directory.
measure() {
    name=$1
    shift
    rm -f goat.yaml
    "$GOAT" init --app-name bench --app-version b1 --threads 1 "$@" >/dev/null || { echo "$name: goat init failed"; return; }
    best_t= best_m= best_c= summary=
    for _ in 1 2 3 4 5; do
        if ! "$TIME" -f '%e %M %U %S' -o "$WORK/time" "$GOAT" track > "$WORK/out" 2> "$WORK/err"; then
            echo "$name: goat track failed: $(tail -3 "$WORK/err")"
            "$GOAT" clean >/dev/null 2>&1
            return
        fi
        summary=$(cat "$WORK/out")
        read -r t m u s < "$WORK/time"
        if [ -z "$best_t" ] || [ "$(echo "$t $best_t" | awk '{ print ($1 < $2) }')" = 1 ]; then
            best_c=$(echo "$u $s" | awk '{ printf "%.3f", $1 + $2 }')
        fi
        best_t=$(echo "$t $best_t" | awk '{ x = $1; if ($2 != "" && $2 < x) x = $2; print x }')
        best_m=$(echo "$m $best_m" | awk '{ x = $1; if ($2 != "" && $2 < x) x = $2; print x }')
        "$GOAT" clean >/dev/null 2>&1 || { echo "$name: goat clean failed"; return; }
    done
    [ -z "$(git status --porcelain -- net encoding go)" ] || echo "$name: WARNING: tree not clean after goat clean"
    printf '%-34s wall %6.3f s  CPU %6.3f s  peak RSS %6.1f MiB  (target < 0.3 s)  %s\n' "$name" "$best_t" \
        "$best_c" "$(echo "$best_m" | awk '{ print $1 / 1024 }')" "$summary"
}

# measure_in DIR LABEL: both configurations in a copy of the repository
# under DIR.
measure_in() {
    copy=$1/goat-bench-repo.$$
    rm -rf "$copy" && cp -a "$repo" "$copy" || { echo "$2: cannot copy the repository to $1"; return; }
    echo "in $1 ($2):"
    (
        cd "$copy" || exit 1
        measure "  track precision 2, patch:" --old base --diff-precision 2 --granularity patch
        measure "  track INIT, line:" --old INIT --granularity line
    )
    rm -rf "$copy"
}

fstype() { stat -f -c %T "$1" 2>/dev/null || echo unknown; }

measure_in "$WORK" "$(fstype "$WORK")"
if [ -d "$TMPFS" ] && [ -w "$TMPFS" ] && [ "$(fstype "$TMPFS")" = tmpfs ]; then
    measure_in "$TMPFS" "tmpfs: no page cache to lose, no inode scans"
else
    echo "no writable tmpfs at $TMPFS: the figures above are the only ones"
fi
