#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves the analysis in shallow clones, made by git itself (`git clone
# --depth N file://...`, then `git fetch --depth 1 origin tag v1`, as CI
# checkouts do): precision 1 works as git sees such a clone, a commit at
# the shallow boundary (a parent missing) keeping its lines as old, which
# is `git blame` in the clone with its ^boundary lines counted old; a
# warning says so (-v says more, and how to get git's full answer); a
# clone that holds
# every parent of old..new (deepened down to v1) gives exactly what the
# full repository gives; precisions 2 and 3 give what they give in the
# full repository; threads do not change the result.
. "${top_srcdir:-.}/tests/git/lib.sh"

# The origin: v1, then main with a side branch merged back.
new_repo origin
{ echo 'package p'; echo; echo 'func A() {'; gen_lines 30 a; echo '}'; } > a.go
{ echo 'package p'; echo; echo 'func B() {'; gen_lines 10 b; echo '}'; } > b.go
git add . && commit c0
sed -i 's/a_5 := 5/a_5 := 50/' a.go && git add . && commit c1
git tag v1
sed -i 's/a_10 := 10/a_10 := 100/' a.go && git add . && commit c2
git checkout -q -b side
sed -i 's/b_3 := 3/b_3 := 30/' b.go && git add . && commit s1
{ echo 'package p'; echo; echo 'func S() {'; gen_lines 4 s; echo '}'; } > s.go && git add . && commit s2
git checkout -q main
sed -i 's/a_20 := 20/a_20 := 200/' a.go && git add . && commit c3
CLOCK=$((CLOCK + 1))
GIT_AUTHOR_DATE="@$CLOCK +0000" GIT_COMMITTER_DATE="@$CLOCK +0000" git merge -q --no-edit side >/dev/null || exit 1
sed -i 's/a_25 := 25/a_25 := 250/' a.go && git add . && commit c5
{ echo 'package p'; echo; echo 'func C() {'; gen_lines 3 c; echo '}'; } > c.go && git add . && commit c6
sed -i 's/a_28 := 28/a_28 := 280/' a.go && git add . && commit c7
full_1=$(dump --old v1 --precision 1)
full_2=$(dump --old v1 --precision 2)
full_3=$(dump --old v1 --precision 3)
expect "full repository, precision 1 = git blame oracle" "$(blame_oracle v1 HEAD)" "$full_1"

# shallow_clone NAME ARGS...: a clone of the origin made by git with ARGS,
# then v1 fetched with --depth 1; cds into it.
shallow_clone() {
    name=$1; shift
    cd "$WORK" && rm -rf "$name" && git clone -q "$@" "file://$WORK/origin" "$name" && cd "$name" &&
        git fetch -q --depth 1 origin tag v1 || exit 1
    [ -f .git/shallow ] || fail "$name is not a shallow clone"
}

# A clone two commits deep: c6 is at the boundary, c7 above it.
shallow_clone depth2 --depth 2
[ "$(git rev-list --count HEAD)" = 2 ] || fail "depth2 holds $(git rev-list --count HEAD) commits of main"
expected="a.go: 31"
for threads in 1 3; do
    expect "depth 2, precision 1 (threads=$threads)" "$expected" "$(dump --old v1 --precision 1 --threads $threads)"
done
expect "depth 2, precision 1 = git blame with boundary lines old" "$(blame_oracle v1 HEAD shallow)" \
    "$(dump --old v1 --precision 1)"
expect "depth 2, precision 2 as in the full repository" "$full_2" "$(dump --old v1 --precision 2)"
expect "depth 2, precision 3 as in the full repository" "$full_3" "$(dump --old v1 --precision 3)"
run_dump --old v1 --precision 1 --verbose 2>"$WORK/log" >/dev/null
grep -q "^goat: this clone is shallow: 1 commit between oldBranch and newBranch (the oldest $(git rev-parse --short=12 HEAD~1)) lacks a parent in it.*git fetch --deepen=N with a larger N, or git fetch --unshallow$" "$WORK/log" ||
    fail "depth 2: -v does not explain the boundary: $(cat "$WORK/log")"
run_dump --old v1 --precision 1 2>"$WORK/log" >/dev/null
grep -q "^goat: warning: this clone is shallow and lacks parents of 1 commit between oldBranch and newBranch: .*git fetch --unshallow gives the full answer)$" "$WORK/log" ||
    fail "depth 2: no warning without -v: $(cat "$WORK/log")"
[ "$(wc -l <"$WORK/log")" = 1 ] || fail "depth 2: more than the warning without -v: $(cat "$WORK/log")"
run_dump --old v1 --precision 2 2>"$WORK/log" >/dev/null
[ -s "$WORK/log" ] && fail "depth 2, precision 2: something was logged: $(cat "$WORK/log")"

# Five deep: the merge and the tips of both its sides are in, and at the
# boundary (c3 lacks c2, s2 lacks s1).
shallow_clone depth5 --depth 5
expect "depth 5, precision 1 = git blame with boundary lines old" "$(blame_oracle v1 HEAD shallow)" \
    "$(dump --old v1 --precision 1 --threads 2)"
expect "depth 5, precision 2 as in the full repository" "$full_2" "$(dump --old v1 --precision 2)"
run_dump --old v1 --precision 1 --verbose 2>&1 >/dev/null | grep -q "this clone is shallow: 2 commits .* lack a parent" ||
    fail "depth 5: -v: $(run_dump --old v1 --precision 1 --verbose 2>&1 >/dev/null)"

# Deepened down to v1 (everything v1 does not reach, then v1 itself): the
# clone is still shallow, but every commit of v1..HEAD has its parents,
# and the answer is the full repository's.
shallow_clone excluded --shallow-exclude=v1
expect "history down to v1, precision 1 = full repository" "$full_1" "$(dump --old v1 --precision 1)"
run_dump --old v1 --precision 1 --verbose 2>&1 >/dev/null |
    grep -q "^goat: this clone is shallow, but every commit between oldBranch and newBranch has its parents in it" ||
    fail "history down to v1: -v: $(run_dump --old v1 --precision 1 --verbose 2>&1 >/dev/null)"

# oldBranch reaches newBranch: nothing is new, shallow or not.
expect "old = HEAD in a shallow clone" "" "$(dump --old HEAD --precision 1)"

finish
