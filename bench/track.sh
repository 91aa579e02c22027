#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark of `goat track` end to end against the I/O floor, on the git
# benchmark's large change: the Go standard library's net, encoding and go
# trees committed as a base, then a second commit editing a few thousand
# lines in a few hundred files (the same deterministic awk edits as
# bench/git.sh). Two configurations, with threads: 1:
#   diffPrecision 2, granularity patch (base -> HEAD)
#   oldBranch INIT, granularity line (every line of every file is new)
#
# The floor (bench/iofloor) is what any program must do to read every Go
# file of the module and replace the files goat changes as safely as goat
# does: a hard link to each old file, a temporary file with its content,
# one syncfs, a rename each, the links removed. It runs two ways: writing
# back the bytes it read (each file its own content), and writing the bytes
# goat writes (the changed files' new texts, and the generated package
# created): at INIT/line goat's output is twice its input, and on a disk
# the sync's wait grows with it. Each round runs both floors and goat one
# after the other on the same tree, five rounds; the figures are the best
# of each (wall and CPU, user + system), and the ratios are goat's over
# each floor's. Target: goat within 2x of the floor, peak RSS under 64 MB. A third series runs bench/goat-timed (goat with the phases
# timed, see bench/timed.c) and prints where goat's time goes in its best
# run: git (change analysis), read (reading the module), parse, place (the
# rest of the rewrite), check (validating the output), write (the
# transaction), rest (start-up, configuration). At precision 2 each round
# also times `git diff base HEAD` of the same trees (git's own diff of the
# change, its patch written to /dev/null): a second yardstick, the cost of
# only looking at the change; and bench/startup, goat's start-up alone
# (the libraries goat links against loaded, libgit2 initialised), which
# every goat run pays before it reads a file. The floor, that start-up and
# git's diff one after the other are what a program that looks at the
# change with libgit2 and writes the files safely does at the least; the
# script prints their sum against the floor. Prints figures; never fails
# on them.
#
# Between runs the tree is restored with `goat clean` and git's index
# refreshed (git update-index --refresh), so each run starts from a tree
# git knows to be clean, as after a checkout. Without the refresh, libgit2's
# status check would re-read and hash every file the previous run rewrote.
#
# The runs are made twice: in a copy of the repository under TMPDIR (the
# disk), and in one on a tmpfs (BENCH_TMPFS, default /dev/shm, skipped when
# it is not a writable tmpfs). On the disk, wall time also measures the
# machine's page cache and file system: virtual machines that reclaim page
# cache within seconds make reads wait, ext4 without a journal scans
# recently deleted inodes on every file creation, and syncfs waits for the
# disk. The tmpfs figures are the programs' own.
GOAT=${GOAT:-${top_builddir:-.}/goat}
GOAT_TIMED=${GOAT_TIMED:-${top_builddir:-.}/bench/goat-timed}
IOFLOOR=${IOFLOOR:-${top_builddir:-.}/bench/iofloor}
CLOCK=${CLOCK:-${top_builddir:-.}/bench/clock}
STARTUP=${STARTUP:-${top_builddir:-.}/bench/startup}
for program in "$GOAT" "$GOAT_TIMED" "$IOFLOOR" "$CLOCK" "$STARTUP"; do
    [ -x "$program" ] || { echo "track.sh: $program not built (make bench builds it)"; exit 1; }
done
command -v git >/dev/null 2>&1 || { echo "track.sh: git CLI not installed, skipped"; exit 0; }
SRC=${GOROOT_SRC:-/usr/share/go-1.19}/src
[ -d "$SRC/net" ] || { echo "track.sh: no Go source tree at $SRC, skipped"; exit 0; }

WORK=$(mktemp -d) || exit 1
TMPFS=${BENCH_TMPFS:-/dev/shm}
trap 'rm -rf "$WORK" "$TMPFS/goat-bench-repo.$$"' EXIT
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GOAT_CONFIG GOAT_BENCH_SPLIT

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

# restore: puts the tree back after a goat run.
restore() {
    "$GOAT" clean >/dev/null 2>&1 && git update-index -q --refresh
}

# restore_floor: puts the tree back after iofloor wrote goat's output (the
# generated package is filler, which goat clean would not take for goat's).
restore_floor() {
    xargs git checkout -q -- < "$WORK/changed" && xargs rm -f < "$WORK/created" &&
        { [ ! -s "$WORK/created" ] || xargs -n 1 dirname < "$WORK/created" | LC_ALL=C sort -u |
            xargs rmdir -p --ignore-fail-on-non-empty 2>/dev/null || :; } && git update-index -q --refresh
}

# timed FILE CMD...: runs CMD, its wall and CPU seconds (to the
# microsecond, bench/clock.c) and peak RSS (KiB) to FILE as "WALL CPU RSS";
# fails when CMD fails.
timed() {
    out=$1
    shift
    "$CLOCK" "$out" "$@" > "$WORK/out" 2> "$WORK/err"
}

# keep_least FILE FIELD VALUE: FILE holds the least VALUE seen.
keep_least() {
    if [ ! -s "$1" ] || [ "$(echo "$3 $(cat "$1")" | awk '{ print ($1 < $2) }')" = 1 ]; then
        echo "$3" > "$1"
    fi
}

# measure NAME INIT-ARGS...: the floor and goat, five rounds each, in the
# current directory; with --old base, git diff as well.
measure() {
    name=$1
    shift
    case " $* " in *" --old base "*) with_diff=1 ;; *) with_diff=0 ;; esac
    rm -f goat.yaml "$WORK"/best.* "$WORK/split"
    "$GOAT" init --app-name bench --app-version b1 --threads 1 "$@" >/dev/null || { echo "$name: goat init failed"; return; }
    # the files a run changes, for the floor to replace, and what goat
    # writes (the changed files' new texts, the files it creates)
    "$GOAT" track >/dev/null 2>&1 || { echo "$name: goat track failed"; restore; return; }
    git status --porcelain -- net encoding go | awk '$1 == "M" { print $2 }' | LC_ALL=C sort > "$WORK/changed"
    git status --porcelain --untracked-files=all | awk '$1 == "??" && $2 != "goat.yaml" { print $2 }' |
        LC_ALL=C sort > "$WORK/created"
    rm -rf "$WORK/new"
    cat "$WORK/changed" "$WORK/created" | while read -r f; do
        mkdir -p "$WORK/new/${f%/*}" && cp "$f" "$WORK/new/$f"
    done
    restore
    git ls-files net encoding go | grep '\.go$' | LC_ALL=C sort > "$WORK/all"
    for _ in 1 2 3 4 5; do
        timed "$WORK/floor" "$IOFLOOR" "$WORK/all" "$WORK/changed" || { echo "$name: iofloor failed: $(cat "$WORK/err")"; return; }
        timed "$WORK/floor2" "$IOFLOOR" "$WORK/all" "$WORK/changed" "$WORK/new" "$WORK/created" ||
            { echo "$name: iofloor with goat's output failed: $(cat "$WORK/err")"; return; }
        restore_floor
        if ! timed "$WORK/goat" "$GOAT" track; then
            echo "$name: goat track failed: $(tail -3 "$WORK/err")"
            restore
            return
        fi
        summary=$(cat "$WORK/out")
        restore || { echo "$name: goat clean failed"; return; }
        if [ $with_diff = 1 ]; then
            timed "$WORK/diff" git diff --no-ext-diff --no-color --output=/dev/null base HEAD -- net encoding go ||
                { echo "$name: git diff failed"; return; }
            read -r dw dc _ < "$WORK/diff"
            keep_least "$WORK/best.dw" 1 "$dw"
            keep_least "$WORK/best.dc" 1 "$dc"
            timed "$WORK/start" "$STARTUP" || { echo "$name: bench/startup failed"; return; }
            read -r sw sc _ < "$WORK/start"
            keep_least "$WORK/best.sw" 1 "$sw"
            keep_least "$WORK/best.sc" 1 "$sc"
        fi
        read -r fw fc _ < "$WORK/floor"
        read -r f2w f2c _ < "$WORK/floor2"
        keep_least "$WORK/best.f2w" 1 "$f2w"
        keep_least "$WORK/best.f2c" 1 "$f2c"
        read -r gw gc grss < "$WORK/goat"
        keep_least "$WORK/best.fw" 1 "$fw"
        keep_least "$WORK/best.fc" 1 "$fc"
        keep_least "$WORK/best.gw" 1 "$gw"
        keep_least "$WORK/best.gc" 1 "$gc"
        keep_least "$WORK/best.rss" 1 "$grss"
    done
    for _ in 1 2 3; do
        rm -f "$WORK/split.run"
        GOAT_BENCH_SPLIT="$WORK/split.run" "$GOAT_TIMED" track >/dev/null 2>&1 || { echo "$name: goat-timed failed"; restore; return; }
        restore
        # keep the run with the least wall time
        if [ ! -s "$WORK/split" ] || [ "$(awk '{ print $2 }' "$WORK/split.run")" -lt "$(awk '{ print $2 }' "$WORK/split")" ]; then
            cp "$WORK/split.run" "$WORK/split"
        fi
    done
    [ -z "$(git status --porcelain -- net encoding go)" ] || echo "$name: WARNING: tree not clean after goat clean"
    fw=$(cat "$WORK/best.fw") fc=$(cat "$WORK/best.fc") gw=$(cat "$WORK/best.gw") gc=$(cat "$WORK/best.gc")
    f2w=$(cat "$WORK/best.f2w") f2c=$(cat "$WORK/best.f2c")
    echo "$name $summary ($(wc -l < "$WORK/changed") files replaced, $(wc -l < "$WORK/created") created, $(wc -l < "$WORK/all") read;" \
        "goat writes $(cat "$WORK/changed" "$WORK/created" | (cd "$WORK/new" && xargs cat) | wc -c) bytes where the files replaced held" \
        "$(xargs cat < "$WORK/changed" | wc -c))"
    echo "$fw $fc $f2w $f2c $gw $gc $(cat "$WORK/best.rss")" | awk '{
        printf "    floor, rewriting the bytes it read:  wall %7.4f s  CPU %7.4f s\n", $1, $2
        printf "    floor, writing the bytes goat writes: wall %7.4f s  CPU %7.4f s\n", $3, $4
        printf "    goat  wall %7.4f s  CPU %7.4f s  peak RSS %5.1f MiB (target < 64)\n", $5, $6, $7 / 1024
        printf "    ratio goat/floor: wall %.2fx, CPU %.2fx (target <= 2x); against the floor writing goat'"'"'s bytes: wall %.2fx, CPU %.2fx\n", $5 / ($1 > 0 ? $1 : 1e-6), $6 / ($2 > 0 ? $2 : 1e-6), $5 / ($3 > 0 ? $3 : 1e-6), $6 / ($4 > 0 ? $4 : 1e-6)
    }'
    if [ $with_diff = 1 ]; then
        echo "$(cat "$WORK/best.dw") $(cat "$WORK/best.dc") $gw $gc" | awk '{
            printf "    git diff base HEAD: wall %7.4f s  CPU %7.4f s; goat/git diff: wall %.2fx, CPU %.2fx\n", $1, $2, $3 / ($1 > 0 ? $1 : 1e-6), $4 / ($2 > 0 ? $2 : 1e-6)
        }'
        echo "$(cat "$WORK/best.sw") $(cat "$WORK/best.sc") $(cat "$WORK/best.dw") $fw" | awk '{
            sum = $4 + $1 + $3
            printf "    goat'"'"'s start-up alone (libraries, libgit2 initialised): wall %7.4f s  CPU %7.4f s; floor + start-up + git diff: wall %7.4f s = %.2fx the floor\n", $1, $2, sum, sum / ($4 > 0 ? $4 : 1e-6)
        }'
    fi
    awk '{
        total = $2
        line = sprintf("    where goat spends its time (best of 3 timed runs, %.3f s wall):", total / 1e6)
        for (i = 4; i <= NF; i += 3)
            line = line sprintf(" %s %.0f%%", $i, 100 * $(i + 1) / (total > 0 ? total : 1))
        print line
    }' "$WORK/split"
}

# measure_in DIR LABEL: both configurations in a copy of the repository
# under DIR.
measure_in() {
    copy=$1/goat-bench-repo.$$
    rm -rf "$copy" && cp -a "$repo" "$copy" || { echo "$2: cannot copy the repository to $1"; return; }
    echo "in $1 ($2):"
    (
        cd "$copy" || exit 1
        git update-index -q --refresh
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
