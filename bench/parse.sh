#!/bin/sh
# SPDX-License-Identifier: MIT
# Parse-only throughput of `goat ast -n` against go/parser (tests/goast -n)
# on the Go standard library (every .go file outside testdata), in one
# process each, both single-threaded (go/parser with GOMAXPROCS=1), in
# seven rounds that run one after the other, after a warm-up. Each round
# runs goat and go/parser back to back and gives one ratio; the median of
# the seven is the figure, printed with their range, because this kind of
# shared machine changes speed from one second to the next (the best
# rounds of each, the former figure, moved from 6.8x to 9.2x between runs
# on an idle machine). The throughput counts CPU time (user + system, to
# the microsecond: bench/clock.c); wall-clock times are printed too.
# Target: goat at least 8x faster than go/parser, peak RSS under 64 MB. For information it also
# times reading the files alone (bench/iofloor: open, fstat, read, close,
# which both parsers do) and prints the ratio without that shared cost.
# With valgrind installed it also counts goat's instructions (callgrind) on
# a fixed sample (every 16th file), a figure that does not depend on the
# machine's load: compare it before and after a change. Callgrind counts a
# `rep stos` instruction once per iteration, so memset weighs far more
# there than in real time; that share is printed apart.
: "${GOAT:?}" "${top_srcdir:?}"
CLOCK=${CLOCK:-${top_builddir:-.}/bench/clock}
case $CLOCK in /*) ;; *) CLOCK=$PWD/$CLOCK ;; esac
IOFLOOR=${IOFLOOR:-${top_builddir:-.}/bench/iofloor}
case $IOFLOOR in /*) ;; *) IOFLOOR=$PWD/$IOFLOOR ;; esac
if [ ! -x "$CLOCK" ]; then
    echo "parse.sh: $CLOCK not built (make bench builds it); skipped"
    exit 0
fi
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}
GO=${GO:-go}
if [ ! -d "$GOROOT_SRC/src" ]; then
    echo "parse.sh: no Go source tree at $GOROOT_SRC; skipped"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$GOROOT_SRC" && find src -name '*.go' -not -path '*/testdata/*' | LC_ALL=C sort) > "$tmp/list"
files=$(wc -l < "$tmp/list")
bytes=$(cd "$GOROOT_SRC" && tr '\n' '\0' < "$tmp/list" | xargs -0 cat | wc -c)

have_go=0
if command -v "$GO" >/dev/null 2>&1 &&
    (cd "$top_srcdir/tests/goast" && GOCACHE="$tmp/gocache" GOPATH="$tmp/gopath" GO111MODULE=on \
        GOFLAGS= GOPROXY=off "$GO" build -o "$tmp/goast" .); then
    have_go=1
fi

# run_once NAME CMD...: runs CMD (in GOROOT_SRC); keeps in $tmp/best.NAME
# the least CPU seconds (user + system) seen, with that run's wall seconds
# and peak RSS in KB.
run_once() {
    name=$1
    shift
    (cd "$GOROOT_SRC" && "$CLOCK" "$tmp/time" "$@" >/dev/null 2>"$tmp/err")
    read -r wall cpu rss < "$tmp/time"
    echo "$cpu" >> "$tmp/rounds.$name"
    if [ ! -s "$tmp/best.$name" ] || [ "$(echo "$cpu < $(cut -d' ' -f1 "$tmp/best.$name")" | bc)" = 1 ]; then
        echo "$cpu $wall $rss" > "$tmp/best.$name"
    fi
}

for round in 0 1 2 3 4 5 6 7; do
    run_once goat "$GOAT" ast -n --files-from "$tmp/list"
    [ $have_go = 1 ] && run_once go env GOMAXPROCS=1 "$tmp/goast" -n --files-from "$tmp/list"
    [ -x "$IOFLOOR" ] && run_once floor "$IOFLOOR" "$tmp/list" /dev/null
    if [ $round = 0 ]; then
        rm -f "$tmp"/best.* "$tmp"/rounds.* # the warm-up round only fills the page cache
    fi
done
set -- $(cat "$tmp/best.goat")
goat_cpu=$1 goat_wall=$2 goat_rss=$3
mb=$(echo "scale=2; $bytes / 1000000" | bc)
goat_rate=$(echo "scale=1; $bytes / 1000000 / ($goat_cpu + 0.000001)" | bc)
echo "corpus: $files files, $mb MB (Go $GOROOT_SRC/src outside testdata)"
case ${GOAT_PGO:-} in
    yes) echo "goat: profile-guided build (configure --disable-pgo builds without)" ;;
    no) echo "goat: built without a profile (configure said why under 'profile-guided')" ;;
esac
echo "goat ast -n:    $goat_rate MB/s  (CPU $goat_cpu s, wall $goat_wall s)  peak RSS $((goat_rss / 1024)) MB (target < 64 MB)"
if [ $have_go = 1 ]; then
    set -- $(cat "$tmp/best.go")
    go_cpu=$1 go_wall=$2 go_rss=$3
    go_rate=$(echo "scale=1; $bytes / 1000000 / ($go_cpu + 0.000001)" | bc)
    ratio=$(echo "scale=2; ($go_cpu + 0.000001) / ($goat_cpu + 0.000001)" | bc)
    wall_ratio=$(echo "scale=2; ($go_wall + 0.000001) / ($goat_wall + 0.000001)" | bc)
    echo "go/parser (-n, GOMAXPROCS=1): $go_rate MB/s  (CPU $go_cpu s, wall $go_wall s)  peak RSS $((go_rss / 1024)) MB"
    # One ratio per round, sorted: the median and the range.
    paste "$tmp/rounds.goat" "$tmp/rounds.go" |
        awk '{ printf "%.2f\n", ($2 + 0.000001) / ($1 + 0.000001) }' | sort -n > "$tmp/ratios"
    rounds=$(wc -l < "$tmp/ratios")
    median=$(sed -n "$(((rounds + 1) / 2))p" "$tmp/ratios")
    echo "ratio: goat parses ${median}x as fast as go/parser per CPU second (target >= 8x):" \
        "the median of $rounds rounds, each running both back to back; range $(head -n 1 "$tmp/ratios")x to $(tail -n 1 "$tmp/ratios")x"
    echo "best round of each: ${ratio}x per CPU second, ${wall_ratio}x wall clock"
    if [ -s "$tmp/best.floor" ]; then
        # Both parsers read every file (open, fstat, read, close): that
        # cost is the same for both and sets a floor under either ratio.
        floor_cpu=$(cut -d' ' -f1 "$tmp/best.floor")
        bare=$(echo "scale=2; ($go_cpu - $floor_cpu + 0.000001) / ($goat_cpu - $floor_cpu + 0.000001)" | bc)
        echo "reading the files alone (bench/iofloor): CPU $floor_cpu s; without it, goat parses ${bare}x as fast (for information: the target counts the whole run)"
    fi
else
    echo "go/parser: not measured (Go not installed)"
fi

if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
    awk 'NR % 16 == 0' "$tmp/list" > "$tmp/sample"
    sample_files=$(wc -l < "$tmp/sample")
    sample_bytes=$(cd "$GOROOT_SRC" && tr '\n' '\0' < "$tmp/sample" | xargs -0 cat | wc -c)
    if (cd "$GOROOT_SRC" && valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
            "$GOAT" ast -n --files-from "$tmp/sample" >/dev/null 2>"$tmp/cg.err"); then
        total=$(callgrind_annotate --auto=no "$tmp/cg.out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
        memset=$(callgrind_annotate --auto=no "$tmp/cg.out" 2>/dev/null | awk '/:__memset/ { gsub(",", "", $1); s += $1 } END { print s + 0 }')
        echo "instructions (callgrind, every 16th file: $sample_files files, $sample_bytes bytes): $total" \
            "($(echo "scale=1; $total / $sample_bytes" | bc) per byte); of which memset $memset"
    else
        echo "instructions: callgrind failed"
    fi
else
    echo "instructions: not counted (valgrind not installed)"
fi
