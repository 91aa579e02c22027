#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves the point table names functions as Go's runtime does. The module
# in tests/e2e/funcnames has methods on pointer and value receivers
# (parenthesised too), generic functions and methods, several init
# functions in several files, package-level literals, nested literals, go
# and defer with arguments, and files Go leaves out (another GOOS, a
# //go:build ignore) or compiles last (importing "C"). Every function
# begins with rec.R(LINE), LINE being the line of that call, which the
# program records with the name runtime.Caller gives its caller. Tracked
# with oldBranch INIT at line granularity (the program then serves the
# table in /track, which must be goat track -v's), such a call gets a point
# standing before it (where placement puts one: not in literals inside an
# if's init, a switch tag, an index or a for post statement), and the
# table's func for that point must be the recorded name: in the tracked
# program built with -gcflags=-l, and in the program as committed built
# with -gcflags=-l. Built with inlining, the names differ exactly where a
# literal's enclosing function is inlined (lines marked "// inlined": the
# copy runs under the caller's name); in the tracked program those
# functions are too big to inline.
. "$top_srcdir/tests/e2e/lib.sh"

repo=$tmp/names
mkdir -p "$repo"
(cd "$top_srcdir/tests/e2e/funcnames" && find . -type f) | while read -r f; do
    mkdir -p "$repo/$(dirname "$f")"
    # each rec.R(0) gets its own line number
    awk '{ gsub(/rec\.R\(0\)/, "rec.R(" NR ")"); print }' "$top_srcdir/tests/e2e/funcnames/$f" >"$repo/$f"
done
cd "$repo" || exit 1
git init -q . && commit "names"
inlined=$(grep -n '// inlined' ./*.go lib/*.go | sed 's|^\./||; s|^\([^:]*\):\([0-9]*\):.*|\1:\2|' | sort)
[ -n "$inlined" ] || fail "no line marked // inlined"

"$GOAT" init --old INIT --granularity line >/dev/null || fail "goat init"
"$GOAT" track -v 2>"$tmp/track.log" >/dev/null || fail "goat track: $(cat "$tmp/track.log")"

# The table, as "FILE LINE FUNC" rows.
sed -n 's/^goat:   TRACK_ID_[0-9]* \([^:]*\):\([0-9]*\) \([^ ]*\) .*/\1 \2 \3/p' "$tmp/track.log" | sort >"$tmp/table"
[ -s "$tmp/table" ] || fail "no point table in goat track -v: $(head -5 "$tmp/track.log")"

# run BINARY: prints the recorded calls, "FILE:LINE NAME", sorted (not the
# goat service's log lines).
run() {
    GOAT_PORT=$("$client" freeport) "$1" >"$tmp/run.out" 2>&1 || fail "$1 failed: $(cat "$tmp/run.out")"
    grep -v '^goat\|^[0-9/]* [0-9:]* ' "$tmp/run.out" | awk '{ print $1 ":" $2, $3 }' | sort
}

# differ RECORDS: "FILE:LINE RUNTIME TABLE" for each recorded call with a
# point whose table name differs; counts the calls compared in $tmp/compared.
differ() {
    join -j1 <(printf '%s\n' "$1") <(awk '{ print $1 ":" $2, $3 }' "$tmp/table" | sort) -o 0,1.2,2.2 >"$tmp/joined"
    wc -l <"$tmp/joined" >"$tmp/compared"
    awk '$2 != $3' "$tmp/joined"
}

# The program as committed.
git stash -q -u || fail "git stash"
"$GO" build -o "$tmp/plain" . && "$GO" build -gcflags=all=-l -o "$tmp/plain-l" . || fail "go build (committed)"
git stash pop -q || fail "git stash pop"
"$GO" build -gcflags=all=-l -o "$tmp/tracked-l" . || fail "go build -gcflags=all=-l (tracked)"

# The program serves the same table in /track.
port=$("$client" freeport)
start_app "$port" "$tmp/tracked-l"
"$client" points "http://127.0.0.1:$port/track" | tail -n +2 | awk '{ split($2, at, ":"); print at[1], at[2], $3 }' |
    sort >"$tmp/served"
stop_apps
expect_eq "the table in /track against goat track -v" "$(cat "$tmp/table")" "$(cat "$tmp/served")"

records=$(run "$tmp/tracked-l")
expect_contains "the generated file's calls ran" "$records" "f_gen.go:"
got=$(differ "$records")
expect_eq "runtime names in the tracked program (-gcflags=-l) against the table" "" "$got"
compared=$(cat "$tmp/compared")
[ "$compared" -ge 45 ] || fail "only $compared calls compared with the table"
echo "$compared calls compared with the table"

got=$(differ "$(run "$tmp/plain-l")")
expect_eq "runtime names in the committed program (-gcflags=-l) against the table" "" "$got"

got=$(differ "$(run "$tmp/plain")" | awk '{ print $1 }')
expect_eq "names that differ with inlining (committed program)" "$inlined" "$got"

finish
