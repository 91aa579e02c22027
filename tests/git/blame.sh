#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that precision 1 calls a line new exactly when the commit that
# last changed it (blame at newBranch) is not reachable from oldBranch,
# decided by ancestry and not by time: a merge commit, a line added on the
# feature branch before the newest commit of the old branch, same-second
# commits, an old branch that is not an ancestor of the new one, a renamed
# file, a moved directory. Checked against explicit expectations and against `git blame` +
# `git merge-base --is-ancestor` run by the git CLI. Also documents the
# decision that a file whose content at newBranch equals its content at
# oldBranch has no new lines, that threads do not change the result, and
# that clock skew does not fool it.
. "${top_srcdir:-.}/tests/git/lib.sh"

new_repo blame
{ echo 'package p'; echo; echo 'func F() {'; gen_lines 40 a; echo '}'; } > f.go
{ echo 'package p'; echo; echo 'func G() {'; gen_lines 5 g; echo '}'; } > g.go
{ echo 'package p'; echo; echo 'func R() {'; gen_lines 30 r; echo '}'; } > r.go
{ echo 'package p'; echo; echo 'func V() {'; gen_lines 10 v; echo '}'; } > rev.go
git add . && commit base

git checkout -q -b feature
# F1: written before the newest commit of main
sed -i 's/^\ta_10 := 10$/&\n\tfeat1 := 1/' f.go
git mv r.go r2.go
sed -i 's/r_20 := 20/r_20 := 2000/' r2.go
sed -i 's/v_5 := 5/v_5 := 500/' rev.go
{ echo 'package p'; echo; echo 'var Same = 1'; } > same.go
printf 'package p\n\nvar B = "\000"\n' > binary.go
{ echo 'package p'; echo; echo 'func C() {'; gen_lines 5 c; echo '}'; } | sed 's/$/\r/' > crlf.go
git add . && commit F1

git checkout -q main
sed -i 's/a_27 := 27/a_27 := 2700/' f.go
{ echo 'package p'; echo; echo 'func Main() {'; gen_lines 3 m; echo '}'; } > m.go
git add . && commit M1

git checkout -q feature
# F2 reverts rev.go; the merge and F4 happen in the same second.
sed -i 's/v_5 := 500/v_5 := 5/' rev.go
sed -i 's/c_3 := 3\r$/c_3 := 30\r/' crlf.go
git add . && commit F2
CLOCK=$((CLOCK + 1))
GIT_AUTHOR_DATE="@$CLOCK +0000" GIT_COMMITTER_DATE="@$CLOCK +0000" git merge -q --no-edit main >/dev/null || exit 1
echo '// tail' >> f.go
git add . && commit F4 same

# An old branch that is not an ancestor of feature.
git checkout -q -b other main~1
sed -i 's/g_3 := 3/g_3 := 300/' g.go
{ echo 'package p'; echo; echo 'var Same = 1'; } > same.go
git add . && commit O1
git checkout -q feature

expected_main="crlf.go: 1-9
f.go: 14,46
r2.go: 23
same.go: 1-3"
for threads in 1 4; do
    expect "precision 1, old = main (threads=$threads)" "$expected_main" "$(dump --old main --precision 1 --threads $threads)"
done
expect "precision 1 = git blame oracle, old = main" "$(blame_oracle main HEAD)" "$(dump --old main --precision 1)"
# The a_27 line came from main's newest commit M1, which is younger than
# feat1: only ancestry tells them apart.
expect "precision 2 agrees here, old = main" "$expected_main" "$(dump --old main --precision 2)"
run_dump --old main --precision 1 | grep -q 'binary.go' && fail "a binary file has new lines"

# old = other (not an ancestor): M1 is not reachable from it, so its lines
# are new; same.go has the same content on both sides, hence no new lines.
expected_other="crlf.go: 1-9
f.go: 14,31,46
m.go: 1-7
r2.go: 23"
for threads in 1 3; do
    expect "precision 1, old = other (threads=$threads)" "$expected_other" "$(dump --old other --precision 1 --threads $threads)"
done
expect "precision 1 = git blame oracle, old = other" "$(blame_oracle other HEAD)" "$(dump --old other --precision 1)"

# old = the merge base, and old = a descendant of new (nothing is new).
expect "precision 1 = git blame oracle, old = base" "$(blame_oracle main~1 HEAD)" "$(dump --old main~1 --precision 1)"
git checkout -q -b ahead && echo '// more' >> g.go && git add . && commit ahead && git checkout -q feature
expect "precision 1, old is a descendant of new" "" "$(dump --old ahead --precision 1)"

# Unrelated histories: no merge base, every blamed line is new.
git checkout -q --orphan island && git rm -q -rf . && printf 'package p\n' > island.go && git add . && commit island
git checkout -q feature
expect "precision 1, unrelated old branch" "$(blame_oracle island HEAD)" "$(dump --old island --precision 1)"

# Everything in one second: still decided by ancestry.
new_repo samesecond
{ echo 'package p'; echo; echo 'func F() {'; gen_lines 10 a; echo '}'; } > f.go
git add . && commit base
git checkout -q -b feature
sed -i 's/a_2 := 2/a_2 := 20/' f.go && git add . && commit f1 same
git checkout -q main
sed -i 's/a_8 := 8/a_8 := 80/' f.go && git add . && commit m1 same
git checkout -q feature
GIT_AUTHOR_DATE="@$CLOCK +0000" GIT_COMMITTER_DATE="@$CLOCK +0000" git merge -q --no-edit main >/dev/null || exit 1
sed -i 's/a_5 := 5/a_5 := 50/' f.go && git add . && commit f2 same
expect "same-second commits" "f.go: 5,8" "$(dump --old main --precision 1)"
expect "same-second commits, oracle" "$(blame_oracle main HEAD)" "$(dump --old main --precision 1)"

# A package directory moved (and its package clause renamed): blame follows
# every file through the rename, so only the package clauses are new.
new_repo move
mkdir a
for n in 1 2 3 4 5 6 7 8; do { echo 'package a'; echo; echo "func F$n() {"; gen_lines 12 "m$n"; echo '}'; } > "a/f$n.go"; done
git add . && commit base
git mv a b && sed -i 's/^package a$/package b/' b/*.go && git add . && commit move
expect "moved directory" "$(for n in 1 2 3 4 5 6 7 8; do echo "b/f$n.go: 1"; done)" "$(dump --old HEAD~1 --precision 1 --threads 3)"
expect "moved directory, oracle" "$(blame_oracle HEAD~1 HEAD)" "$(dump --old HEAD~1 --precision 1)"

# Clock skew: oldBranch's own commits are dated long before the commits
# they descend from, which fools date-based walks (git rev-list old..new
# lists x and root here); ancestry still says x's lines are old.
new_repo skew
{ echo 'package p'; echo; echo 'func F() {'; gen_lines 5 a; echo '}'; } > f.go
git add . && CLOCK=1000 && commit root
echo '// from x' >> f.go && git add . && CLOCK=2000 && commit x
git branch feature
CLOCK=100
i=1
while [ $i -le 10 ]; do echo "// o$i" > "o$i.txt"; git add . && commit "o$i"; i=$((i + 1)); done
git checkout -q feature
echo '// from n' >> f.go && git add . && CLOCK=3000 && commit n
expect "clock skew" "f.go: 11" "$(dump --old main --precision 1)"
expect "clock skew, oracle" "$(blame_oracle main HEAD)" "$(dump --old main --precision 1 --threads 2)"

finish
