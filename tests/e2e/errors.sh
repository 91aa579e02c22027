#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves goat's errors leave the project untouched and say what is wrong:
# a syntax error in a changed file fails with FILE:LINE:COL and modifies no
# file; a write failure discovered while writing (injected by the test build
# of goat, tests/fault/goat-fail-write, as GOAT_TEST_FAIL_WRITE says, since
# root ignores file permissions) rolls back the files already written, and
# so does an immutable file (chattr +i, where supported); the installed goat
# has no such hook; outside a Go module
# or a git repository goat says so; a bad goat.yaml names the key and its
# line (a goatPackageName or goatPackageAlias goat track could not use, an
# appName or appVersion goat report could not read, too; goat init refuses
# them with exit 2, and a directory name appName cannot default to);
# usage errors exit 2, other errors 1; goat init refuses to overwrite
# without --force; GOAT_CONFIG names another configuration file, which
# must exist even for goat clean, as must a goat.yaml that is a link.
. "${top_srcdir:?}/tests/e2e/lib.sh"

# ---- exit statuses and usage
"$GOAT" >/dev/null 2>&1
expect_eq "goat without a command exits 2" 2 $?
"$GOAT" frobnicate >/dev/null 2>&1
expect_eq "unknown command exits 2" 2 $?
for cmd in init track patch clean; do
    "$GOAT" "$cmd" --no-such-option >/dev/null 2>&1
    expect_eq "goat $cmd --no-such-option exits 2" 2 $?
    "$GOAT" "$cmd" extra-operand >/dev/null 2>&1
    expect_eq "goat $cmd extra-operand exits 2" 2 $?
    out=$("$GOAT" "$cmd" --help) || fail "goat $cmd --help"
    expect_contains "goat $cmd --help" "$out" "usage: goat $cmd"
done
"$GOAT" init --diff-precision 9 >/dev/null 2>&1
expect_eq "init --diff-precision 9 exits 2" 2 $?
"$GOAT" --version | grep -q '^goat version' || fail "goat --version"

# ---- outside a module, outside git
mkdir -p "$tmp/nomod" && cd "$tmp/nomod" || exit 1
git init -q .
out=$("$GOAT" track 2>&1)
expect_eq "track outside a module exits 1" 1 $?
expect_contains "outside a module" "$out" "go.mod"
mkdir -p "$tmp/nogit" && cd "$tmp/nogit" || exit 1
printf 'module example.com/x\n\ngo 1.19\n' >go.mod
out=$("$GOAT" init 2>&1)
expect_eq "init outside git exits 1" 1 $?
expect_contains "outside git" "$out" "not inside a git repository"

# ---- goat.yaml errors name the key and the line
repo=$tmp/shop
make_shop_repo "$repo"
cd "$repo" || exit 1
"$GOAT" init --app-name shop >/dev/null || fail "goat init"
out=$("$GOAT" init 2>&1)
expect_eq "init over an existing goat.yaml exits 1" 1 $?
expect_contains "init refuses to overwrite" "$out" "--force"
cp goat.yaml "$tmp/good.yaml"
sed -i 's/^threads: 1$/threads: many/' goat.yaml
line=$(grep -n '^threads:' goat.yaml | cut -d: -f1)
out=$("$GOAT" track 2>&1)
expect_eq "bad threads exits 1" 1 $?
expect_contains "bad threads names key and line" "$out" "goat.yaml:$line:10: threads: expected an integer"
cp "$tmp/good.yaml" goat.yaml
printf 'granularityy: line\n' >>goat.yaml
line=$(grep -n '^granularityy:' goat.yaml | cut -d: -f1)
out=$("$GOAT" clean 2>&1)
expect_contains "unknown key names key and line" "$out" "goat.yaml:$line:1: granularityy: unknown key"

# A goatPackageName or goatPackageAlias no goat track could use: refused
# where it is written, by goat init (exit 2, no file) and in goat.yaml.
rm goat.yaml
for flag in "--goat-package-name main" "--goat-package-name init" "--goat-package-name 1x" \
    "--goat-package-name func" "--goat-package-name _" "--goat-package-alias init" "--goat-package-alias func"; do
    # shellcheck disable=SC2086 # the flag and its value, split on purpose
    out=$("$GOAT" init $flag 2>&1)
    expect_eq "init $flag exits 2" 2 $?
    expect_contains "init $flag says why" "$out" "${flag% *} '${flag#* }' is not a valid Go package name"
    [ -e goat.yaml ] && fail "init $flag wrote goat.yaml" && rm goat.yaml
done
cp "$tmp/good.yaml" goat.yaml
sed -i 's/^goatPackageName: .*$/goatPackageName: main/' goat.yaml
line=$(grep -n '^goatPackageName:' goat.yaml | cut -d: -f1)
out=$("$GOAT" track 2>&1)
expect_eq "goatPackageName main exits 1" 1 $?
expect_contains "goatPackageName main names key and line" "$out" \
    "goat.yaml:$line:18: goatPackageName: \"main\" is not a valid Go package name"
cp "$tmp/good.yaml" goat.yaml
sed -i 's/^goatPackageAlias: .*$/goatPackageAlias: init/' goat.yaml
line=$(grep -n '^goatPackageAlias:' goat.yaml | cut -d: -f1)
out=$("$GOAT" track 2>&1)
expect_eq "goatPackageAlias init exits 1" 1 $?
expect_contains "goatPackageAlias init names key and line" "$out" \
    "goat.yaml:$line:19: goatPackageAlias: \"init\" is not a valid Go package name"
cp "$tmp/good.yaml" goat.yaml

# An appName or appVersion goat report would refuse in the program's answer
# (a control character, the tab included, or bytes that are not UTF-8):
# refused by goat init (exit 2, no file) and in goat.yaml.
rm goat.yaml
for value in $'a\nb' $'a\tb' $'a\xffb'; do
    out=$("$GOAT" init --app-name "$value" 2>&1)
    expect_eq "init --app-name ${value@Q} exits 2" 2 $?
    expect_contains "init --app-name ${value@Q} says why" "$out" \
        "--app-name: a" # the character or the byte
    expect_contains "init --app-name ${value@Q} says why" "$out" "at byte 2; goat report refuses"
    [ -e goat.yaml ] && fail "init --app-name ${value@Q} wrote goat.yaml" && rm goat.yaml
done
out=$("$GOAT" init --app-version $'v\t1' 2>&1)
expect_eq "init --app-version with a tab exits 2" 2 $?
expect_contains "init --app-version with a tab says why" "$out" "--app-version: a control character (U+0009) at byte 2"
[ -e goat.yaml ] && fail "init --app-version with a tab wrote goat.yaml" && rm goat.yaml
cp "$tmp/good.yaml" goat.yaml
sed -i 's/^appName: .*$/appName: "shop\\tx"/' goat.yaml
line=$(grep -n '^appName:' goat.yaml | cut -d: -f1)
out=$("$GOAT" track 2>&1)
expect_eq "appName with a tab exits 1" 1 $?
expect_contains "appName with a tab names key and line" "$out" \
    "goat.yaml:$line:10: appName: a control character (U+0009) at byte 5"
cp "$tmp/good.yaml" goat.yaml

# A flag of goat init given an empty value (--old=, or "$REV" with REV
# unset) is refused (exit 2, no file), not taken for the default; only
# --app-version takes "" (newBranch's short hash).
rm goat.yaml
for flag in --old= --new= --app-name= --ignores= --ignores=, --main-entries= "--printer-config-mode= , "; do
    out=$("$GOAT" init "$flag" 2>&1)
    expect_eq "init $flag exits 2" 2 $?
    expect_contains "init $flag says why" "$out" "${flag%%=*} has an empty value: give it"
    [ -e goat.yaml ] && fail "init $flag wrote goat.yaml" && rm goat.yaml
done
"$GOAT" init --app-version= >/dev/null 2>&1 || fail "init --app-version= refused"
grep -q '^appVersion: ""$' goat.yaml || fail "init --app-version= did not keep the default"
rm goat.yaml

# goat init notes a newBranch that is not the commit checked out (goat
# track refuses to run then).
git branch -q other HEAD~1 || fail "test setup: branch other"
out=$("$GOAT" init --new other 2>&1 >/dev/null) || fail "init --new other: $out"
expect_contains "init --new other notes it" "$out" \
    "goat init: note: newBranch other is not the commit checked out, so goat track refuses to run until you check it out (git checkout other)"
out=$("$GOAT" init --force 2>&1 >/dev/null)
case $out in *"is not the commit checked out"*) fail "init with newBranch HEAD noted: $out" ;; esac
git branch -q -D other
cp "$tmp/good.yaml" goat.yaml

# ---- GOAT_CONFIG
mkdir -p conf
mv "$tmp/good.yaml" conf/goat-e2e.yaml
rm goat.yaml
out=$("$GOAT" track 2>&1)
expect_contains "no goat.yaml" "$out" "goat init"
# clean works without goat.yaml (config_edits.sh), but not without the file
# GOAT_CONFIG names, nor with a goat.yaml that is there and broken
out=$(GOAT_CONFIG=conf/missing.yaml "$GOAT" clean 2>&1)
expect_eq "clean, GOAT_CONFIG names a missing file: exit status" 1 $?
expect_contains "clean, GOAT_CONFIG names a missing file" "$out" "goat clean: conf/missing.yaml: no configuration"
ln -s nowhere.yaml goat.yaml
out=$("$GOAT" clean 2>&1)
expect_eq "clean, goat.yaml a dangling link: exit status" 1 $?
expect_eq "clean, goat.yaml a dangling link" "goat clean: goat.yaml: cannot open: No such file or directory" "$out"
rm goat.yaml
GOAT_CONFIG=conf/goat-e2e.yaml "$GOAT" track --dry-run >/dev/null 2>&1 || fail "GOAT_CONFIG not honoured"
GOAT_CONFIG=$tmp/other.yaml "$GOAT" init --app-name other >/dev/null || fail "init with GOAT_CONFIG"
grep -q '^appName: "other"$' "$tmp/other.yaml" || fail "init did not write GOAT_CONFIG's file"
rm -r conf

# ---- a project directory whose name, appName's default, goat report
# would refuse: goat init and goat track say to give appName, goat clean
# needs none
tabbed=$tmp/$'sh\top'
make_shop_repo "$tabbed"
cd "$tabbed" || exit 1
out=$("$GOAT" init 2>&1)
expect_eq "init in a directory with a tab exits 1" 1 $?
expect_contains "init in a directory with a tab says why" "$out" \
    "appName: its default, the project directory's name, has a control character (U+0009) at byte 3"
[ -e goat.yaml ] && fail "init in a directory with a tab wrote goat.yaml"
"$GOAT" init --app-name shop >/dev/null || fail "init --app-name in a directory with a tab"
sed -i 's/^appName: .*$/appName: ""/' goat.yaml
out=$("$GOAT" track 2>&1)
expect_eq "track in a directory with a tab exits 1" 1 $?
expect_contains "track in a directory with a tab says why" "$out" "give appName in goat.yaml"
"$GOAT" clean >/dev/null 2>&1 || fail "clean in a directory with a tab"
cd "$repo" || exit 1

# ---- a syntax error in a changed file: FILE:LINE:COL, nothing modified
"$GOAT" init --app-name shop >/dev/null || fail "goat init (syntax)"
git add goat.yaml && git commit -q -m config
printf 'package strs\n\nfunc Broken() int {\n\treturn 1 +\n}\n' >util/strs/broken.go
git add -A && git commit -q -m broken
before=$(snapshot "$repo")
out=$("$GOAT" track 2>&1)
expect_eq "syntax error exits 1" 1 $?
expect_contains "syntax error position" "$out" "util/strs/broken.go:5:1:"
expect_eq "syntax error: no file modified" "$before" "$(snapshot "$repo")"
git rm -q util/strs/broken.go && git commit -q -m unbreak

# ---- a write failure while writing: every file put back
faulty=${GOAT_FAULTY:-$top_builddir/tests/fault/goat-fail-write}
before=$(snapshot "$repo")
out=$(GOAT_TEST_FAIL_WRITE=goat/goat_generated.go "$faulty" track 2>&1)
expect_eq "write failure exits 1" 1 $?
expect_contains "write failure message" "$out" "goat/goat_generated.go"
expect_eq "write failure: no file modified" "$before" "$(snapshot "$repo")"
out=$(GOAT_TEST_FAIL_WRITE=util/strs/strs.go "$faulty" track 2>&1)
expect_eq "write failure (middle) exits 1" 1 $?
expect_eq "write failure (middle): no file modified" "$before" "$(snapshot "$repo")"
# A file root cannot replace either (immutable), when the file system allows it.
if chattr +i util/strs/strs.go 2>/dev/null; then
    out=$("$GOAT" track 2>&1)
    rc=$?
    chattr -i util/strs/strs.go
    expect_eq "immutable file exits 1" 1 $rc
    expect_contains "immutable file named" "$out" "util/strs/strs.go"
    expect_eq "immutable file: no file modified" "$before" "$(snapshot "$repo")"
else
    echo "note: chattr +i is not supported here; GOAT_TEST_FAIL_WRITE covers write failures"
fi
# A file mounted into the tree on its own (a container's -v file:file)
# cannot be replaced by a rename: the message says so and what to do.
if mount --bind util/strs/strs.go util/strs/strs.go 2>/dev/null; then
    out=$("$GOAT" track 2>&1)
    rc=$?
    umount util/strs/strs.go
    expect_eq "mounted file exits 1" 1 $rc
    expect_contains "mounted file: what to do" "$out" \
        "the file is probably a mount point (a file mounted into this tree on its own, as a container does), which goat cannot replace"
    expect_eq "mounted file: no file modified" "$before" "$(snapshot "$repo")"
else
    echo "note: mount --bind is not allowed here; the mounted-file message is not checked"
fi
"$GOAT" track >/dev/null || fail "goat track after the failures"
before=$(snapshot "$repo")
out=$(GOAT_TEST_FAIL_WRITE=util/strs/strs.go "$faulty" clean 2>&1)
expect_eq "clean write failure exits 1" 1 $?
expect_eq "clean write failure: no file modified" "$before" "$(snapshot "$repo")"
# ---- terminated (SIGTERM) while the new contents are prepared: nothing
# changed, no temporary file or backup left, the process ends by the
# signal; terminated during the renames: goat finishes them, says so and
# exits 0, the project whole; a signal the process ignores (SIGINT in a
# background job) changes nothing (doc/goat.1, "Writing files")
"$GOAT" clean >/dev/null || fail "goat clean before the interrupt tests"
# (a test run that itself ignores SIGTERM cannot check that it is held)
if [ "$(sh -c 'kill -TERM $$; echo ignored' 2>/dev/null)" = ignored ]; then
    echo "note: this test runs with SIGTERM ignored: the held-signal checks are skipped"
else
before=$(snapshot "$repo")
out=$(GOAT_TEST_INTERRUPT_PREPARING=util/strs/strs.go "$faulty" track 2>&1)
expect_eq "terminated while preparing: status of SIGTERM" 143 $?
expect_contains "terminated while preparing: says so" "$out" \
    "goat: interrupted (Terminated) before any file was replaced: nothing changed"
expect_eq "terminated while preparing: no file modified, nothing left" "$before" "$(snapshot "$repo")"
expect_eq "terminated while preparing: git status" "" "$(git status --porcelain --ignored | grep -v 'goat.yaml')"
out=$(trap '' TERM && GOAT_TEST_INTERRUPT_PREPARING=util/strs/strs.go "$faulty" track 2>&1)
expect_eq "SIGTERM ignored while preparing: exit status" 0 $?
case $out in *interrupted*|*Terminated*) fail "an ignored SIGTERM was taken into account: $out" ;; esac
expect_eq "SIGTERM ignored while preparing: no temporary file or backup left" "" "$(find . -name '.goat-*' -print)"
"$GOAT" clean >/dev/null || fail "goat clean after the ignored signal"
out=$(GOAT_TEST_INTERRUPT_AT=util/strs/strs.go "$faulty" track 2>&1)
expect_eq "terminated while renaming: exit status" 0 $?
expect_contains "terminated while renaming: says so" "$out" \
    "goat: Terminated came while the files were being replaced: goat finished replacing them first"
expect_contains "terminated while renaming: summary" "$out" "goat track: "
expect_eq "terminated while renaming: no temporary file or backup left" "" \
    "$(find . -name '.goat-*' -print)"
out=$("$GOAT" track 2>&1) && fail "track after a terminated track succeeded: the tree was not tracked"
before=$(snapshot "$repo")
out=$(GOAT_TEST_INTERRUPT_AT=util/strs/strs.go "$faulty" clean 2>&1)
expect_eq "clean terminated while renaming: exit status" 0 $?
expect_eq "clean terminated while renaming: git status" "" "$(git status --porcelain | grep -v 'goat.yaml')"
"$GOAT" track >/dev/null || fail "goat track after the interrupt tests"
before=$(snapshot "$repo")
out=$(GOAT_TEST_INTERRUPT_PREPARING=util/strs/strs.go "$faulty" clean 2>&1)
expect_eq "clean terminated while preparing: status of SIGTERM" 143 $?
expect_eq "clean terminated while preparing: no file modified, nothing left" "$before" "$(snapshot "$repo")"
"$GOAT" clean >/dev/null || fail "goat clean after the interrupt tests"
fi
"$GOAT" track >/dev/null || fail "goat track after the interrupt tests (2)"
# ---- killed in the middle of the renames (as by a crash): every file is
# whole, old or new; the other version lies next to it; goat clean and
# goat track again finish the job (doc/goat.1, "After a crash")
rm -rf "$tmp/old-tree" "$tmp/new-tree"
"$GOAT" clean >/dev/null || fail "goat clean before the crash test"
cp -a "$repo" "$tmp/old-tree"
"$GOAT" track >/dev/null || fail "goat track before the crash test"
cp -a "$repo" "$tmp/new-tree"
"$GOAT" clean >/dev/null || fail "goat clean after the crash test's track"
GOAT_TEST_KILL_AT=util/strs/strs.go "$faulty" track >/dev/null 2>&1
expect_eq "killed while renaming: status of SIGKILL" 137 $?
replaced=0 kept=0
for f in $(cd "$repo" && find . -path ./.git -prune -o -type f ! -name '.goat-*' -print); do
    if [ -f "$tmp/new-tree/$f" ] && cmp -s "$repo/$f" "$tmp/new-tree/$f" && ! cmp -s "$repo/$f" "$tmp/old-tree/$f" 2>/dev/null; then
        replaced=$((replaced + 1))
    elif [ -f "$tmp/old-tree/$f" ] && cmp -s "$repo/$f" "$tmp/old-tree/$f"; then
        kept=$((kept + 1))
    else
        fail "after the crash, $f is neither its old nor its new content"
    fi
done
[ "$replaced" -gt 0 ] || fail "the crash test replaced no file before the kill"
expect_eq "util/strs/strs.go kept its old content" "$(cat "$tmp/old-tree/util/strs/strs.go")" "$(cat util/strs/strs.go)"
new_copy=$(ls util/strs/.goat-new-* 2>/dev/null | head -1)
[ -n "$new_copy" ] && cmp -s "$new_copy" "$tmp/new-tree/util/strs/strs.go" ||
    fail "no .goat-new-* file next to util/strs/strs.go with its new content"
[ -n "$(find . -name '.goat-old-*' -print -quit)" ] || fail "no .goat-old-* file for the files already replaced"
"$GOAT" clean >/dev/null || fail "goat clean after the crash"
find . -name '.goat-old-*' -delete -o -name '.goat-new-*' -delete
expect_eq "goat clean after the crash: the tree as it was" "$(snapshot "$tmp/old-tree")" "$(snapshot "$repo")"
"$GOAT" track >/dev/null || fail "goat track after the crash and the clean"
expect_eq "goat track after the crash: what it writes without one" "$(snapshot "$tmp/new-tree")" "$(snapshot "$repo")"
"$GOAT" clean >/dev/null || fail "goat clean after the crash test"
rm -rf "$tmp/old-tree" "$tmp/new-tree"

# the installed program carries no fault injection
grep -q "GOAT_TEST_FAIL_WRITE\|GOAT_TEST_KILL_AT\|GOAT_TEST_INTERRUPT" "${GOAT_REAL:-$GOAT}" && fail "the goat binary knows a test hook"
GOAT_TEST_FAIL_WRITE=util/strs/strs.go "$GOAT" clean >/dev/null || fail "goat clean with GOAT_TEST_FAIL_WRITE set"
expect_eq "git status after clean" "" "$(git status --porcelain)"

# ---- symbolic links are never written through
printf 'package outside\n\nfunc F() int {\n\treturn 1\n}\n' >"$tmp/outside.go"
cp "$tmp/outside.go" "$tmp/outside.orig"
ln -s "$tmp/outside.go" util/strs/outside.go
git add -A && git commit -q -m "link out of the module"
"$GOAT" track >"$tmp/link.out" 2>&1
expect_eq "file behind a symbolic link untouched" "$(cat "$tmp/outside.orig")" "$(cat "$tmp/outside.go")"
[ -L util/strs/outside.go ] || fail "the symbolic link was replaced"
[ -e goat/goat_generated.go ] && "$GOAT" clean >/dev/null

# A goatPackagePath that is a symbolic link (out of the module) is refused,
# with what to do, and nothing is written on either side of it.
mkdir -p "$tmp/elsewhere"
"$GOAT" clean >/dev/null 2>&1
ln -s "$tmp/elsewhere" goat
out=$("$GOAT" track 2>&1)
expect_eq "symbolic link goatPackagePath exits 1" 1 $?
expect_contains "symbolic link goatPackagePath: what to do" "$out" \
    "goat: refusing to write goat/goat_generated.go through a symbolic link (goat never writes through one, so that it cannot write outside the module): make goat a real directory, or set goatPackagePath in goat.yaml to another directory"
expect_eq "nothing written through the link" "" "$(ls -A "$tmp/elsewhere")"
rm goat

finish
