#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves that goat clean and goat patch work from what the tree holds, not
# from what goat.yaml says now: after goat track, goatPackageAlias,
# goatPackagePath, goatPackageName and granularity are edited (each alone,
# then all at once); goat clean must still remove every block, import,
# main entry and the generated package (go build ./... passes, git status
# is clean), and goat patch must leave exactly one goat import per file,
# under the new alias and path, with the old package gone (gofmt, go vet
# and go build pass, a second patch changes nothing, and goat clean then
# restores the commit), with no empty directory left. A nested
# goatPackagePath (a/b/c) leaves nothing behind after clean, or after patch
# moves the package away, but a parent holding anything is kept, and a
# clean that fails leaves it all as it was. Then what goat cannot account
# for is refused with FILE:LINE:COL (or the file), exit status 1 and no
# file modified, and so are a goatPackagePath moved onto another package
# and a goatPackageAlias of init (at its goat.yaml line). Without
# goat.yaml, clean finds the package (default or not, any alias) in the
# tree and says so on stderr; one it cannot find (in testdata/) is
# refused, with what to do.
. "${top_srcdir:?}/tests/e2e/lib.sh"

tracked=$tmp/tracked
make_shop_repo "$tracked"
"$GOAT" init --app-name shop --app-version e1 >/dev/null || fail "goat init"
"$GOAT" track >/dev/null || fail "goat track"

# fresh_copy DIR: the tracked shop, as goat track left it.
fresh_copy() {
    rm -rf "$1"
    cp -a "$tracked" "$1"
    cd "$1" || exit 1
}

# empty_dirs: the empty directories of the working tree, which git status
# does not show.
empty_dirs() {
    find . -path ./.git -prune -o -type d -empty -print | LC_ALL=C sort
}

# restored WHAT: the module builds and the commit is back, with no empty
# directory left behind.
restored() {
    local out
    out=$("$GO" build ./... 2>&1) || fail "$1: go build ./...: $out"
    rm goat.yaml
    expect_eq "$1: git status" "" "$(git status --porcelain)"
    expect_eq "$1: empty directories" "" "$(empty_dirs)"
}

# goat_imports FILE: the lines importing a goat package (any path, any name).
goat_imports() {
    grep -cE '"example\.com/shop/(goat|internal/goatpkg)"' "$1"
}

check_clean() {
    local what=$1 out
    out=$("$GOAT" clean 2>&1) || fail "$what: goat clean: $out"
    expect_contains "$what: clean summary" "$out" "removed 8 tracking points from 4 files and goat/goat_generated.go"
    [ -e goat ] && fail "$what: goat/ left by clean"
    restored "$what: clean"
}

# check_patch WHAT ALIAS DIR: patch, then the goat code must use ALIAS and
# the package in DIR only.
check_patch() {
    local what=$1 alias=$2 dir=$3 out f
    out=$("$GOAT" patch 2>&1) || fail "$what: goat patch: $out"
    expect_contains "$what: patch summary" "$out" "8 tracking points in 4 files, 2 main entries"
    for f in cmd/client/main.go cmd/server/main.go internal/calc/calc.go util/strs/strs.go; do
        expect_eq "$what: goat imports in $f" 1 "$(goat_imports "$f")"
        grep -qE "^(import |	)$alias \"example.com/shop/$dir\"\$" "$f" || fail "$what: $f does not import $dir as $alias"
        grep -v "$alias\.Track($alias\.TRACK_ID_\|$alias\.ServeHTTP($alias\.COMPONENT_" "$f" |
            grep -q '\.Track(\|\.ServeHTTP(' && fail "$what: $f has calls under another alias"
    done
    [ -f "$dir/goat_generated.go" ] || fail "$what: no generated package in $dir"
    [ "$dir" != goat ] && [ -e goat ] && fail "$what: the old goat/ is left"
    go_checks "$PWD"
    local before
    before=$(snapshot "$PWD")
    "$GOAT" patch >/dev/null 2>&1 || fail "$what: second goat patch"
    expect_eq "$what: second patch changed nothing" "$before" "$(snapshot "$PWD")"
    out=$("$GOAT" clean 2>&1) || fail "$what: goat clean after patch: $out"
    restored "$what: patch + clean"
}

# ---- each key alone, then all together
fresh_copy "$tmp/alias"
set_yaml goatPackageAlias tracking
check_clean "alias"
fresh_copy "$tmp/alias"
set_yaml goatPackageAlias tracking
check_patch "alias" tracking goat

fresh_copy "$tmp/path"
set_yaml goatPackagePath internal/goatpkg
check_clean "path"
fresh_copy "$tmp/path"
set_yaml goatPackagePath internal/goatpkg
check_patch "path" goat internal/goatpkg

fresh_copy "$tmp/name"
set_yaml goatPackageName herd
check_clean "package name"
fresh_copy "$tmp/name"
set_yaml goatPackageName herd
check_patch "package name" goat goat
fresh_copy "$tmp/name"
set_yaml goatPackageName herd
"$GOAT" patch >/dev/null 2>&1 || fail "package name: goat patch"
grep -q '^package herd$' goat/goat_generated.go || fail "package name: the generated package is not package herd"

fresh_copy "$tmp/granularity"
set_yaml granularity line
check_clean "granularity"
fresh_copy "$tmp/granularity"
set_yaml granularity line
check_patch "granularity" goat goat

fresh_copy "$tmp/all"
set_yaml goatPackageAlias tracking
set_yaml goatPackagePath internal/goatpkg
set_yaml goatPackageName herd
set_yaml granularity func
check_clean "every key"
fresh_copy "$tmp/all"
set_yaml goatPackageAlias tracking
set_yaml goatPackagePath internal/goatpkg
set_yaml goatPackageName herd
set_yaml granularity func
check_patch "every key" tracking internal/goatpkg

# ---- a nested goatPackagePath: clean, and patch moving the package away,
# remove the directories the package leaves empty, up to the module root,
# but none holding anything
nested=$tmp/nested-tracked
make_shop_repo "$nested"
"$GOAT" init --app-name shop --app-version e1 --goat-package-path a/b/c >/dev/null || fail "goat init (nested)"
"$GOAT" track >/dev/null || fail "goat track (nested)"
fresh_nested() {
    rm -rf "$1"
    cp -a "$nested" "$1"
    cd "$1" || exit 1
}
fresh_nested "$tmp/nested"
out=$("$GOAT" clean 2>&1) || fail "nested: goat clean: $out"
expect_contains "nested: clean summary" "$out" "and a/b/c/goat_generated.go"
[ -e a ] && fail "nested: clean left a/ behind"
restored "nested: clean"

fresh_nested "$tmp/nested-keep"
touch a/.gitkeep
mkdir a/b/empty
out=$("$GOAT" clean 2>&1) || fail "nested, kept parents: goat clean: $out"
expect_eq "nested, kept parents: what is left of a/" "a
a/.gitkeep
a/b
a/b/empty" "$(find a | LC_ALL=C sort)"

fresh_nested "$tmp/nested-patch"
set_yaml goatPackagePath internal/gt
out=$("$GOAT" patch 2>&1) || fail "nested: goat patch to internal/gt: $out"
[ -e a ] && fail "nested: patch left a/ behind"
[ -f internal/gt/goat_generated.go ] || fail "nested: patch wrote no internal/gt/goat_generated.go"
out=$("$GOAT" clean 2>&1) || fail "nested: goat clean after patch: $out"
[ -e internal/gt ] && fail "nested: clean left internal/gt/ behind"
[ -d internal/calc ] || fail "nested: clean removed internal/ with calc in it"
restored "nested: patch + clean"

# A failed clean leaves the package and its directories as they were.
fresh_nested "$tmp/nested-fail"
before=$(snapshot "$PWD")
GOAT_TEST_FAIL_WRITE=util/strs/strs.go "${GOAT_FAULTY:-$top_builddir/tests/fault/goat-fail-write}" clean >/dev/null 2>&1 &&
    fail "nested: clean with a write failure succeeded"
expect_eq "nested: failed clean modified nothing" "$before" "$(snapshot "$PWD")"

# ---- no goat.yaml at all (it is untracked: git stash -u, a fresh checkout
# of a tracked tree lose it): clean works from the tree, and says so
# without_yaml WHAT DIR: goat clean without goat.yaml finds the package in
# DIR, restores the commit and says so in one line on stderr.
without_yaml() {
    local what=$1 dir=$2 out
    rm goat.yaml
    out=$("$GOAT" clean --dry-run 2>"$tmp/noyaml.err") || fail "$what: goat clean --dry-run: $(cat "$tmp/noyaml.err")"
    expect_eq "$what: dry-run stdout is the diff" "diff --git" "$(printf '%s\n' "$out" | head -1 | cut -c1-10)"
    out=$("$GOAT" clean 2>"$tmp/noyaml.err") || fail "$what: goat clean: $(cat "$tmp/noyaml.err")"
    expect_eq "$what: stderr" "goat clean: no goat.yaml found: working from the tree alone, with the goat package $dir/ (found by its header) and the default settings" "$(cat "$tmp/noyaml.err")"
    expect_contains "$what: clean summary" "$out" "removed 8 tracking points from 4 files and $dir/goat_generated.go"
    : >goat.yaml # for restored, which removes it
    restored "$what"
}
fresh_copy "$tmp/noyaml"
without_yaml "no goat.yaml" goat
# another path and alias, which only the tree now tells
fresh_copy "$tmp/noyaml-custom"
set_yaml goatPackageAlias tracking
set_yaml goatPackagePath internal/goatpkg
"$GOAT" patch >/dev/null 2>&1 || fail "no goat.yaml, custom: goat patch"
grep -q '^	tracking "example.com/shop/internal/goatpkg"$' cmd/server/main.go || fail "no goat.yaml, custom: test setup"
without_yaml "no goat.yaml, custom path and alias" internal/goatpkg
# a package where clean does not look for one: only goatPackagePath names
# it, so clean refuses rather than leave it behind
fresh_copy "$tmp/noyaml-testdata"
set_yaml goatPackagePath testdata/goat
"$GOAT" patch >/dev/null 2>&1 || fail "no goat.yaml, testdata: goat patch"
[ -f testdata/goat/goat_generated.go ] || fail "no goat.yaml, testdata: test setup"
rm goat.yaml
expect_refused "no goat.yaml, package in testdata" clean \
    "goat clean: goat.yaml: not found, and no goat package found in the tree"
expect_refused "no goat.yaml, package in testdata: says what to do" clean \
    "put goat.yaml back or set GOAT_CONFIG to it"
# nothing of goat's in the tree: nothing to do, and it says where it looked
cd "$tmp" && rm -rf "$tmp/noyaml-none" && git clone -q "$tracked" "$tmp/noyaml-none" && cd "$tmp/noyaml-none" || exit 1
out=$("$GOAT" clean 2>&1) || fail "no goat.yaml, nothing tracked: $out"
expect_eq "no goat.yaml, nothing tracked" "goat clean: no goat.yaml found: working from the tree alone, which holds no goat package
goat clean: removed 0 tracking points from 0 files" "$out"

# ---- the generated package deleted by hand: the blocks still name the imports
fresh_copy "$tmp/nogen"
rm -r goat
set_yaml goatPackageAlias tracking
set_yaml goatPackagePath elsewhere
out=$("$GOAT" clean 2>&1) || fail "clean without the generated package: $out"
expect_contains "clean without the generated package" "$out" "removed 8 tracking points from 4 files"
restored "clean without the generated package"

# ---- refusals: FILE:LINE:COL, exit 1, nothing modified
# A call of the goat package written by hand, outside goat's blocks.
fresh_copy "$tmp/use"
sed -i 's|^\tfmt.Println("server", total)$|\tgoat.Track(goat.TRACK_ID_1)\n&|' cmd/server/main.go
line=$(grep -n '^	goat.Track(goat.TRACK_ID_1)$' cmd/server/main.go | cut -d: -f1)
[ -n "$line" ] || fail "test setup: no hand-written call"
expect_refused "clean: use outside the blocks" clean \
    "cmd/server/main.go:$line:2: goat here refers to the goat package (\"example.com/shop/goat\") outside goat's blocks"
set_yaml goatPackageAlias tracking
expect_refused "patch after an alias change: use outside the blocks" patch \
    "cmd/server/main.go:$line:2: goat here refers to the goat package"
# Between +goat:user lines, clean removes it with the rest.
sed -i "${line}s|.*|\t// +goat:user\n&\n\t// +goat:end|" cmd/server/main.go
out=$("$GOAT" clean 2>&1) || fail "clean with a +goat:user block: $out"
restored "clean with a +goat:user block"

# A dot import of the goat package.
fresh_copy "$tmp/dot"
sed -i 's|^import goat "example.com/shop/goat"$|import . "example.com/shop/goat"|' util/strs/strs.go
sed -i 's|goat\.Track(goat\.|Track(|' util/strs/strs.go
line=$(grep -n '^import \. "example.com/shop/goat"$' util/strs/strs.go | cut -d: -f1)
[ -n "$line" ] || fail "test setup: no dot import"
expect_refused "clean: dot import" clean "util/strs/strs.go:$line:8: this dot import of \"example.com/shop/goat\" imports the goat package"

# The goat import sharing its line with another import.
fresh_copy "$tmp/shared"
perl -0pi -e 's|import "strings"\nimport goat "example.com/shop/goat"\n|import ("strings"; goat "example.com/shop/goat")\n|' util/strs/strs.go
grep -q '^import ("strings"; goat' util/strs/strs.go || fail "test setup: import not joined"
line=$(grep -n '^import ("strings"; goat' util/strs/strs.go | cut -d: -f1)
expect_refused "clean: import sharing its line" clean "util/strs/strs.go:$line:20: this import of the goat package (\"example.com/shop/goat\") shares its line"

# A Go file goat did not write, in the generated package's directory.
fresh_copy "$tmp/stray"
printf 'package goat\n\nfunc Extra() {}\n' >goat/extra.go
expect_refused "clean: a stray file in the goat package" clean "goat/extra.go: this Go file is in the directory of a goat package (goat/goat_generated.go)"
set_yaml goatPackagePath internal/goatpkg
expect_refused "patch: a stray file in the old goat package" patch "goat/extra.go: this Go file is in the directory of a goat package"

# goatPackagePath moved onto a package of the module: patch would write the
# goat package into it.
fresh_copy "$tmp/onto"
set_yaml goatPackagePath internal/calc
expect_refused "patch: goatPackagePath holds another package" patch \
    "goat.yaml: goatPackagePath: internal/calc/ already holds Go code, package calc (internal/calc/calc.go)"

# An alias no Go file can import under: refused where goat.yaml gives it,
# not against the first file goat would instrument.
fresh_copy "$tmp/init"
set_yaml goatPackageAlias init
line=$(grep -n '^goatPackageAlias:' goat.yaml | cut -d: -f1)
expect_refused "patch: goatPackageAlias init" patch \
    "goat.yaml:$line:19: goatPackageAlias: \"init\" is not a valid Go package name to import under"
expect_refused "clean: goatPackageAlias init" clean "goat.yaml:$line:19: goatPackageAlias: \"init\""

# goatPackagePath/goat_generated.go that goat did not write.
fresh_copy "$tmp/foreign"
sed -i '1d' goat/goat_generated.go
expect_refused "clean: a generated file without the header" clean "goat/goat_generated.go: goat did not write this file"

finish
