#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that precisions 2 and 3 report exactly the added lines that
# `git diff -M` and `git diff --no-renames` report (add, modify, delete,
# rename, rename+modify, move across directories, CRLF, binary, same-second
# commits), that INIT marks every line new, and that threads do not change
# the result.
. "${top_srcdir:-.}/tests/git/lib.sh"

new_repo diff
mkdir -p pkg/a pkg/b
{ echo 'package a'; echo; echo 'func F() {'; gen_lines 40 a; echo '}'; } > pkg/a/modify.go
{ echo 'package a'; echo; echo 'func G() {'; gen_lines 30 g; echo '}'; } > pkg/a/delete.go
{ echo 'package a'; echo; echo 'func R() {'; gen_lines 30 r; echo '}'; } > pkg/a/rename.go
{ echo 'package a'; echo; echo 'func M() {'; gen_lines 30 m; echo '}'; } > pkg/a/renmod.go
{ echo 'package a'; echo; echo 'func V() {'; gen_lines 30 v; echo '}'; } > pkg/a/move.go
{ echo 'package a'; echo; echo 'func C() {'; gen_lines 10 c; echo '}'; } | sed 's/$/\r/' > pkg/a/crlf.go
printf 'package a\n\nvar B = "\000\001\002"\n' > pkg/a/binary.go
{ echo 'package b'; echo; echo 'func T() {'; gen_lines 5 t; echo '}'; } > pkg/b/same_test.go
echo 'module example.com/diff' > go.mod
ln -s modify.go pkg/a/link.go
printf 'package a\n\nvar T = 1\n' > pkg/a/tolink.go
ln -s crlf.go pkg/a/relink.go
git add . && commit base
git tag v1

# The feature branch: two commits in the same second.
git checkout -q -b feature
{ echo 'package a'; echo; echo 'func F() {'; gen_lines 10 a; echo '	inserted := 1'; gen_lines 40 a | sed -n '11,30p'; echo '	_ = inserted'; gen_lines 40 a | sed -n '31,40p'; echo '	tail := 2'; echo '}'; } > pkg/a/modify.go
git rm -q pkg/a/delete.go
git mv pkg/a/rename.go pkg/a/renamed.go
git mv pkg/a/renmod.go pkg/a/renmod2.go
sed -i 's/m_15 := 15/m_15 := 1500/; $i\	extra := 0' pkg/a/renmod2.go
git mv pkg/a/move.go pkg/b/moved.go
sed -i 's/c_5 := 5\r$/c_5 := 50\r/' pkg/a/crlf.go
printf 'package a\n\nvar B = "\000\001\002\003"\nfunc X() {}\n' > pkg/a/binary.go
# a symbolic link becomes a file, a file becomes a symbolic link, a link changes
rm pkg/a/relink.go && ln -s modify.go pkg/a/relink.go
rm pkg/a/link.go && printf 'package a\n\nvar L = 1\n' > pkg/a/link.go
rm pkg/a/tolink.go && ln -s tolink2.go pkg/a/tolink.go
printf 'package a\n\nfunc Totally() {\n\tdifferent := "content"\n\t_ = different\n}\n' > pkg/a/tolink2.go
git add . && commit one
{ echo 'package a'; echo; echo 'func N() {'; gen_lines 3 n; echo '}'; } > pkg/b/new.go
echo '	t_99 := 99' >> pkg/b/same_test.go
git add . && commit two same

for threads in 1 4; do
    expect "precision 2 = git diff -M (threads=$threads)" \
        "$(git_added main HEAD -M)" "$(dump --old main --precision 2 --threads $threads)"
    expect "precision 3 = git diff --no-renames (threads=$threads)" \
        "$(git_added main HEAD --no-renames)" "$(dump --old main --precision 3 --threads $threads)"
done

# The same, spelled out, so that a change in git's defaults cannot hide a bug.
expect "precision 2 exact" "pkg/a/crlf.go: 8
pkg/a/link.go: 1-3
pkg/a/modify.go: 14,35,46
pkg/a/renmod2.go: 18,34
pkg/a/tolink2.go: 1-6
pkg/b/new.go: 1-7" "$(dump --old main --precision 2)"
expect "precision 3 exact" "pkg/a/crlf.go: 8
pkg/a/link.go: 1-3
pkg/a/modify.go: 14,35,46
pkg/a/renamed.go: 1-34
pkg/a/renmod2.go: 1-35
pkg/a/tolink2.go: 1-6
pkg/b/moved.go: 1-34
pkg/b/new.go: 1-7" "$(dump --old main --precision 3)"
expect "added file marked all" "pkg/b/new.go: 1-7 (all)" "$(run_dump --old main --precision 2 | grep new.go)"

# Attributes that make git diff show a file as binary (-diff, binary)
# change how git displays a change, not what changed: goat's lines stay
# those of the plain diff, for every file, as when no attribute is set.
plain1=$(dump --old main --precision 1)
plain2=$(dump --old main --precision 2)
plain3=$(dump --old main --precision 3)
printf '* -diff\n' > .gitattributes
printf '*.go binary\n' > .git/info/attributes
expect "precision 1 ignores -diff and binary attributes" "$plain1" "$(dump --old main --precision 1)"
expect "precision 2 ignores -diff and binary attributes" "$plain2" "$(dump --old main --precision 2)"
expect "precision 3 ignores -diff and binary attributes" "$plain3" "$(dump --old main --precision 3)"
rm -f .gitattributes .git/info/attributes

# Revspec forms.
expect "tag, ~N, ^{commit} and hashes" "$(dump --old main)" "$(dump --old v1)"
expect "HEAD~2" "$(dump --old main)" "$(dump --old HEAD~2 --new HEAD)"
expect "v1^{commit}" "$(dump --old main)" "$(dump --old 'v1^{commit}')"
expect "short hash" "$(dump --old main)" "$(dump --old "$(git rev-parse --short=7 main)")"
expect "full hash" "$(dump --old main)" "$(dump --old "$(git rev-parse main)" --new "$(git rev-parse HEAD)")"
expect "identical commits" "" "$(dump --old HEAD)"

# INIT: every line of every Go file goat looks at, binary and test files excluded.
expect "INIT" "pkg/a/crlf.go: 1-14 (all)
pkg/a/link.go: 1-3 (all)
pkg/a/modify.go: 1-47 (all)
pkg/a/renamed.go: 1-34 (all)
pkg/a/renmod2.go: 1-35 (all)
pkg/a/tolink2.go: 1-6 (all)
pkg/b/moved.go: 1-34 (all)
pkg/b/new.go: 1-7 (all)" "$(run_dump --old INIT --precision 2)"
expect "INIT ignores precision" "$(run_dump --old INIT --precision 2)" "$(run_dump --old INIT --precision 1 --threads 3)"

# Asked to (keep_texts), the analysis hands over the texts it read from the
# working tree, each the file's bytes (CRLF too): at INIT every file's,
# whatever the threads; at precision 2 only those of files with no old
# version (added, or a symbolic link before), as the others' new side is a
# blob; and none unless asked.
init_texts=$(run_dump --old INIT --precision 2 | sed 's/$/ [text]/')
expect "INIT hands over every file's text" "$init_texts" "$(run_dump --old INIT --texts)"
expect "INIT hands over every file's text (threads=4)" "$init_texts" "$(run_dump --old INIT --texts --threads 4)"
expect "precision 2 hands over the texts of new files" "pkg/a/crlf.go: 8
pkg/a/link.go: 1-3 (all) [text]
pkg/a/modify.go: 14,35,46
pkg/a/renmod2.go: 18,34
pkg/a/tolink2.go: 1-6 (all) [text]
pkg/b/new.go: 1-7 (all) [text]" "$(run_dump --old main --precision 2 --texts)"
case $(run_dump --old INIT) in *'[text'*) fail "texts handed over unasked" ;; esac

# INIT in a repository with a single commit.
new_repo single
printf 'package main\n\nfunc main() {\n}\n' > main.go
printf 'package main\n\nfunc helper() {}' > nonl.go
git add . && commit only
expect "INIT single commit" "main.go: 1-4
nonl.go: 1-3" "$(dump --old INIT)"

# INIT reads a file from the working tree only where it holds the committed
# text. A filter driver libgit2 does not run (as git LFS's) committed a
# line that the file on disk lacks; git and libgit2 both see a clean tree
# (the index's stat data match the file), and only the sizes differ: the
# answer is the committed text's, as when goat read every file from git.
new_repo filtered
git config filter.addline.clean 'cat; echo "// added by the clean filter"'
git config filter.addline.smudge cat
printf '*.go filter=addline\n' > .gitattributes
printf 'package main\n\nfunc main() {\n}\n' > main.go
touch -d '2020-01-01 00:00:00' main.go .gitattributes
git add . && commit filtered
[ "$(git cat-file -p HEAD:main.go | wc -l)" = 5 ] || fail "the clean filter did not add its line"
[ -z "$(git status --porcelain)" ] || fail "the filtered tree is not clean to git"
expect "INIT takes a filtered file's committed text" "main.go: 1-5" "$(dump --old INIT)"
expect "INIT hands over no text of a filtered file" "main.go: 1-5 (all)" "$(run_dump --old INIT --texts)"

finish
