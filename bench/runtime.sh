#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints what an executed tracking point costs: the same small loop, with a
# tracking point (goat's Track, in each mode) or `go test -cover`'s counter
# (in each cover mode) in its body, run by one goroutine and by two
# goroutines on the same point, as a ratio to the uninstrumented loop. The
# targets (issue 10): every goat mode at or below the matching cover mode
# (bool ~ set, count ~ count, count with race ~ atomic), and bool mode with
# two goroutines on one point within 2x of the uninstrumented loop.
# Run it on an idle machine with two cores or more.
set -e
: "${top_builddir:?}"
if [ -z "${GO:-}" ]; then
    echo "runtime: Go is not installed: skipped"
    exit 0
fi
render=$top_builddir/tests/gen/gen_render
[ -x "$render" ] || make -s -C "$top_builddir" tests/gen/gen_render
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOCACHE="$top_builddir/.gocache" GOPATH="$tmp/gopath" GOFLAGS=-modcacherw GOPROXY=off \
    GOWORK=off GO111MODULE=on GOTOOLCHAIN=local

mod=$tmp/bench
mkdir -p "$mod/plain" "$mod/tracked" "$mod/goat"
printf 'module goat.invalid/bench\n\ngo 1.19\n' >"$mod/go.mod"
# loop PACKAGE POINT: the loop, with POINT as the first statement of its body.
loop() {
    cat <<EOF
// Package $1 is the loop the benchmark instruments.
package $1
$3
// Work runs n rounds of xorshift from x.
func Work(n int, x uint64) uint64 {
	for i := 0; i < n; i++ {
		$2
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}
EOF
}
loop plain "" >"$mod/plain/loop.go"
loop tracked "goat.Track(goat.TRACK_ID_1)" 'import "goat.invalid/bench/goat"' >"$mod/tracked/loop.go"
for pkg in plain tracked; do
    cat >"$mod/$pkg/loop_test.go" <<EOF
package $pkg

import (
	"sync"
	"syscall"
	"testing"
	"time"
)

var sink uint64

// cpuTime is the processor time the process has used: unlike the wall
// clock, it does not grow while other programs hold the processors.
func cpuTime() time.Duration {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		panic(err)
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}

// run runs Work b.N times in each of goroutines goroutines at once and
// reports the processor time per executed iteration.
func run(b *testing.B, goroutines int) {
	var wg sync.WaitGroup
	results := make([]uint64, goroutines)
	start, wall := cpuTime(), time.Now()
	for g := range results {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			results[g] = Work(b.N, uint64(g+1))
		}(g)
	}
	wg.Wait()
	cpu := cpuTime() - start
	b.ReportMetric(float64(cpu)/float64(b.N*goroutines), "cpu-ns/point")
	b.ReportMetric(float64(cpu)/float64(time.Since(wall)), "processors")
	for _, r := range results {
		sink ^= r
	}
}

func BenchmarkOne(b *testing.B) { run(b, 1) }

func BenchmarkTwo(b *testing.B) { run(b, 2) }
EOF
done

# build NAME PACKAGE GO-TEST-FLAGS...: the test binary $tmp/NAME.test.
build() {
    name=$1 pkg=$2
    shift 2
    (cd "$mod" && "$GO" test -c -o "$tmp/$name.test" "$@" "./$pkg") >"$tmp/build.log" 2>&1 ||
        { cat "$tmp/build.log" >&2; exit 1; }
}
# goat_mode FLAGS...: renders the generated package for one tracking point.
goat_mode() {
    "$render" --ids 1 --component bench=1 "$@" "$mod/goat/goat_generated.go"
}
configs="base bool count count_race set cover_count atomic"
build base plain
goat_mode
build bool tracked
goat_mode --count
build count tracked
goat_mode --count --race
build count_race tracked
build set plain -cover -covermode=set
build cover_count plain -cover -covermode=count
build atomic plain -cover -covermode=atomic

# Rounds over every configuration in turn, so that a change in the machine's
# load touches them all alike; each figure is the fastest of its rounds (noise
# only ever adds time).
for round in 1 2 3 4 5; do
    for name in $configs; do
        "$tmp/$name.test" -test.run '^$' -test.bench . -test.benchtime 300ms >"$tmp/out" 2>&1 ||
            { cat "$tmp/out" >&2; exit 1; }
        awk -v name="$name" '/^Benchmark(One|Two)/ {
            sub(/-[0-9]+$/, "", $1)
            for (i = 2; i <= NF; i++) {
                if ($i == "cpu-ns/point") print name, $1, $(i - 1)
                if ($i == "processors") print name, $1 "-processors", $(i - 1)
            }
        }' \
            "$tmp/out" >>"$tmp/results"
    done
done
# figures NAME: "ONE TWO", the least processor time per executed point (per
# iteration of one goroutine) of each benchmark.
figures() {
    for b in BenchmarkOne BenchmarkTwo; do
        awk -v name="$1" -v b="$b" '$1 == name && $2 == b { print $3 }' "$tmp/results" | sort -g | head -n 1
    done | tr '\n' ' '
}
set -- $(figures base)
base1=$1 base2=$2
bool=$(figures bool)
count=$(figures count)
count_race=$(figures count_race)
cover_set=$(figures set)
cover_count=$(figures cover_count)
cover_atomic=$(figures atomic)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() {
    # shellcheck disable=SC2086
    set -- "$1" $2
    printf '  %-26s %6sx %8s ns   %6sx %8s ns\n' "$1" "$(ratio "$2" "$base1")" "$2" "$(ratio "$3" "$base2")" "$3"
}
echo "runtime: processor time per executed tracking point (one loop iteration), as a ratio to the uninstrumented loop"
printf '  %-26s %20s   %20s\n' "" "1 goroutine" "2 goroutines, 1 point"
row "uninstrumented loop" "$base1 $base2"
row "goat bool" "$bool"
row "go test -cover set" "$cover_set"
row "goat count" "$count"
row "go test -cover count" "$cover_count"
row "goat count, race: true" "$count_race"
row "go test -cover atomic" "$cover_atomic"

# Two equal costs measure a few percent apart from run to run: a target is
# met when goat is at most 5% above it.
# verdict WHAT GOAT COVER: whether goat's figures are at or below cover's.
verdict() {
    awk -v what="$1" -v g="$2" -v c="$3" 'BEGIN {
        split(g, gs, " "); split(c, cs, " ")
        printf "  target %-48s %s\n", what ":", (gs[1] <= 1.05 * cs[1] && gs[2] <= 1.05 * cs[2]) ? "met" : "NOT met"
    }'
}
# How much the two goroutines really ran at once, over every configuration:
# on a busy machine they take turns, and the two-goroutine figures then show
# no contention at all.
awk '$2 == "BenchmarkTwo-processors" { sum += $3; n++ }
    END { printf "  the two goroutines ran on %.2f processors at once on average (2 on an idle machine)\n", sum / n }' \
    "$tmp/results"
verdict "goat bool <= cover set" "$bool" "$cover_set"
verdict "goat count <= cover count" "$count" "$cover_count"
verdict "goat count, race: true <= cover atomic" "$count_race" "$cover_atomic"
set -- $bool
awk -v two="$2" -v base="$base2" 'BEGIN {
    printf "  target %-48s %s\n", "goat bool, 2 goroutines <= 2x uninstrumented:", two <= 2 * base ? "met" : "NOT met"
}'
