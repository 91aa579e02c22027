#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves what a first session with goat runs into, each as a new user would
# meet it, on real git repositories:
# - main packages under "_" and "." directories (_examples/hello) are
#   components with their main entry, and build;
# - with oldBranch INIT, a Go file git does not track is left alone and
#   -v names it;
# - goat init checks --old and --new, naming what exists when they name
#   nothing; without --old it picks master, or origin/main in a clone with
#   no local branch; a repository without commits says to commit first;
# - appVersion is left to each goat track, which reports the commit it
#   tracks;
# - precision 1 in shallow clones made by git (--depth 1, v1 fetched with
#   --depth 1): exact when the parents are in, boundary lines old when not,
#   with a warning (-v says more); precisions 2 and 3 work there; a shallow
#   clone lacking oldBranch says how to fetch it;
# - near-miss markers (//+goat:insert, // +goat: insert, a marker after
#   code) are named by patch and clean with FILE:LINE:COL;
# - dry-run summaries say "would remove", "to change";
# - an immutable file, an immutable module root, a read-only mount and a
#   quoted boolean in goat.yaml each get a message naming the file or key
#   and what to do, and nothing is written;
. "${top_srcdir:?}/tests/e2e/lib.sh"

# ---- main packages under "_" and "." directories are components
repo=$tmp/examples
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q .
put go.mod <<'EOF'
module example.com/ex

go 1.19
EOF
put lib/lib.go <<'EOF'
// Package lib is shared.
package lib

// Twice doubles n.
func Twice(n int) int {
	return n * 2
}
EOF
put cmd/app/main.go <<'EOF'
package main

import (
	"fmt"

	"example.com/ex/lib"
)

func main() {
	fmt.Println("app", lib.Twice(1))
}
EOF
put _examples/hello/main.go <<'EOF'
package main

import (
	"fmt"
	"os"
	"time"

	"example.com/ex/lib"
)

func main() {
	fmt.Println("server", lib.Twice(2))
	if os.Getenv("SHOP_WAIT") != "" {
		time.Sleep(time.Minute)
	}
}
EOF
put .tools/gen/main.go <<'EOF'
package main

func main() {
	println("gen")
}
EOF
commit v1
"$GOAT" init --old INIT --granularity func --app-name ex --app-version e2e >/dev/null || fail "init (examples)"
# With INIT, a Go file git does not track stays as it is; -v names it.
put lib/draft.go <<'EOF'
package lib

// Draft is not committed yet.
func Draft() int {
	return 3
}
EOF
out=$("$GOAT" track -v 2>"$tmp/err") || fail "track (examples): $(cat "$tmp/err")"
expect_contains "track (examples)" "$out" "4 tracking points in 4 files, 3 main entries"
expect_contains "-v names the untracked file" "$(cat "$tmp/err")" \
    "goat: not instrumented: lib/draft.go: git does not track it (goat instruments the Go files of newBranch's commit; commit the file to include it)"
grep -q goat lib/draft.go && fail "the untracked lib/draft.go was instrumented"
rm lib/draft.go
grep -q 'goat.ServeHTTP(goat.COMPONENT_0)' .tools/gen/main.go || fail "no main entry in .tools/gen"
grep -q 'goat.ServeHTTP(goat.COMPONENT_1)' _examples/hello/main.go || fail "no main entry in _examples/hello"
grep -q 'goat.ServeHTTP(goat.COMPONENT_2)' cmd/app/main.go || fail "no main entry in cmd/app"
go_checks "$repo"
"$GO" build -o "$tmp/hello" ./_examples/hello || fail "go build ./_examples/hello"
port=$("$client" freeport)
start_app "$port" "$tmp/hello"
got=$("$client" track "http://127.0.0.1:$port/track?order=2&component=_examples/hello")
expect_eq "/track of the _examples/hello component" "app ex e2e
component 1 _examples/hello total=2 covered=2 rate=100 ids=2:1,4:1" "$got"
stop_apps
"$GOAT" clean >/dev/null || fail "clean (examples)"
expect_eq "git status after clean (examples)" "?? goat.yaml" "$(git status --porcelain)"

# ---- a repository without commits, then one whose default branch is master
repo=$tmp/masterrepo
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q -b master .
put go.mod <<'EOF'
module example.com/m

go 1.19
EOF
put main.go <<'EOF'
package main

import "fmt"

func main() {
	fmt.Println("v1")
}
EOF
out=$("$GOAT" init 2>&1)
expect_eq "init without commits exits 1" 1 $?
expect_contains "init without commits says to commit" "$out" "no commits yet; goat compares commits: commit the module first (git add -A && git commit)"
[ -e goat.yaml ] && fail "init without commits wrote goat.yaml"
printf 'oldBranch: INIT\n' >goat.yaml
out=$("$GOAT" track 2>&1)
expect_eq "track without commits exits 1" 1 $?
expect_contains "track without commits says to commit" "$out" 'newBranch "HEAD": the git repository has no commits yet'
out=$("$GOAT" patch 2>&1)
expect_eq "patch without commits exits 1" 1 $?
expect_contains "patch without commits says to commit" "$out" 'newBranch "HEAD": the git repository has no commits yet'
# clean compares nothing: it works before the first commit (with a goat.yaml
# copied from another module, say) and leaves the files as they are.
before=$(snapshot "$PWD")
out=$("$GOAT" clean 2>&1)
expect_eq "clean without commits exits 0 ($out)" 0 $?
expect_eq "clean without commits says what it did" "goat clean: removed 0 tracking points from 0 files" "$out"
expect_eq "clean without commits modifies no file" "$before" "$(snapshot "$PWD")"
rm goat.yaml
commit v1
git tag v1.0
git checkout -q -b feature
out=$("$GOAT" init --old mian 2>&1)
expect_eq "init --old mian exits 1" 1 $?
expect_contains "init --old mian names what exists" "$out" \
    '--old "mian": no branch, tag or commit of that name; names that exist here: master, feature, v1.0. Set --old to a branch, tag or commit that exists (or to INIT'
[ -e goat.yaml ] && fail "init --old mian wrote goat.yaml"
out=$("$GOAT" init --old v1.1 2>&1)
expect_contains "init --old v1.1 suggests v1.0" "$out" "the closest names that exist: v1.0."
out=$("$GOAT" init --new feture 2>&1)
expect_contains "init --new feture suggests feature" "$out" '--new "feture": no branch, tag or commit of that name; the closest names that exist: feature.'
out=$("$GOAT" init 2>&1) || fail "init in a master repository: $out"
expect_contains "init says it chose master" "$out" "oldBranch master: there is no branch main here"
expect_contains "init notes that master is checked out" "$out" "oldBranch master is the commit checked out"
grep -q '^oldBranch: "master"$' goat.yaml || fail "oldBranch is not master: $(grep oldBranch goat.yaml)"
grep -q '^appVersion: ""$' goat.yaml || fail "init froze appVersion: $(grep appVersion goat.yaml)"

# appVersion follows newBranch: each track reports the commit it tracks.
put main.go <<'EOF'
package main

import "fmt"

func main() {
	fmt.Println("v2")
}
EOF
commit v2
out=$("$GOAT" track 2>&1) || fail "track on feature: $out"
expect_contains "appVersion at v2" "$(cat goat/goat_generated.go)" "\"$(git rev-parse --short=7 HEAD)\""
"$GOAT" clean >/dev/null || fail "clean at v2"
put main.go <<'EOF'
package main

import "fmt"

func main() {
	fmt.Println("v3")
}
EOF
commit v3
"$GOAT" track >/dev/null 2>&1 || fail "track at v3"
expect_contains "appVersion at v3" "$(cat goat/goat_generated.go)" "\"$(git rev-parse --short=7 HEAD)\""
"$GOAT" clean >/dev/null || fail "clean at v3"

# A misspelt oldBranch in goat.yaml: the names that exist, the key to set.
sed -i 's/^oldBranch: "master"$/oldBranch: "mastr"/' goat.yaml
out=$("$GOAT" track 2>&1)
expect_eq "track with oldBranch mastr exits 1" 1 $?
expect_contains "track with oldBranch mastr" "$out" 'oldBranch "mastr": no branch, tag or commit of that name; the closest names that exist: master. Set oldBranch to'

# ---- a fresh CI-like clone: detached HEAD, only origin/main
repo=$tmp/shop
make_shop_repo "$repo"
git -C "$repo" tag v1 main
cd "$tmp" && git clone -q --branch feature "file://$repo" ci && cd ci || exit 1
git checkout -q --detach && git branch -q -D feature
expect_eq "the clone has no local branch" "" "$(git for-each-ref --format='%(refname)' refs/heads)"
out=$("$GOAT" init --granularity func 2>&1) || fail "init in a clone without main: $out"
expect_contains "init chose origin/main" "$out" "oldBranch origin/main: there is no branch main here"
out=$("$GOAT" track 2>&1) || fail "track in a clone without main: $out"
expect_contains "track in a clone without main" "$out" "6 tracking points in 4 files, 2 main entries"
"$GOAT" clean >/dev/null || fail "clean in the clone"

# ---- precision 1 in shallow clones made by git
cd "$tmp" && git clone -q --depth 1 --branch feature "file://$repo" shallow && cd shallow || exit 1
"$GOAT" init --old v1 --granularity func --diff-precision 1 >"$tmp/out" 2>&1
expect_eq "init --old v1 before v1 is fetched exits 1" 1 $?
expect_contains "a shallow clone without v1 says how to fetch it" "$(cat "$tmp/out")" \
    'This is a shallow clone, which may lack it: fetch it (if a branch: git fetch --depth 1 origin refs/heads/v1:refs/heads/v1; if a tag: git fetch --depth 1 origin tag v1), then, for diffPrecision 1 to be exact, the history in between (git fetch --unshallow origin)'
git fetch -q --depth 1 origin tag v1 || fail "git fetch --depth 1 origin tag v1"
"$GOAT" init --old v1 --granularity func --diff-precision 1 >/dev/null || fail "init --old v1 in the shallow clone"
out=$("$GOAT" track -v 2>"$tmp/err") || fail "track in a shallow clone: $(cat "$tmp/err")"
expect_contains "precision 1 in a shallow clone holding v1" "$out" "6 tracking points in 4 files, 2 main entries"
expect_contains "-v: the clone is shallow, the parents are in" "$(cat "$tmp/err")" "this clone is shallow, but every commit between oldBranch and newBranch has its parents in it"
go_checks "$tmp/shallow"
"$GOAT" clean >/dev/null || fail "clean in the shallow clone"
# One commit more on the release branch, cloned one deep: its parent (v2)
# is missing, so what it did not change counts as old.
cd "$repo" && git checkout -q feature || exit 1
sed -i 's/return a - b/return b - a/' internal/calc/calc.go && commit v3
cd "$tmp" && git clone -q --depth 1 --branch feature "file://$repo" shallow1 && cd shallow1 || exit 1
git fetch -q --depth 1 origin tag v1 || fail "fetch v1 into shallow1"
"$GOAT" init --old v1 --granularity line --diff-precision 1 >/dev/null || fail "init in shallow1"
out=$("$GOAT" track -v 2>"$tmp/err") || fail "track in shallow1: $(cat "$tmp/err")"
expect_contains "precision 1 at the shallow boundary" "$out" "no tracking points"
expect_contains "-v: the clone is shallow" "$(cat "$tmp/err")" "this clone is shallow: 1 commit between oldBranch and newBranch"
"$GOAT" track 2>"$tmp/err" >/dev/null
expect_contains "without -v: a warning" "$(cat "$tmp/err")" "goat: warning: this clone is shallow and lacks parents of 1 commit"
for p in 2 3; do
    sed -i "s/^diffPrecision: .*/diffPrecision: $p/" goat.yaml
    out=$("$GOAT" track 2>&1) || fail "precision $p in shallow1: $out"
    expect_contains "precision $p in shallow1" "$out" "9 tracking points in 4 files"
    "$GOAT" clean >/dev/null || fail "clean after precision $p in shallow1"
done

# ---- near-miss markers: patch and clean name each with FILE:LINE:COL
repo=$tmp/markers
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q .
put go.mod <<'EOF'
module example.com/mk

go 1.19
EOF
put lib/lib.go <<'EOF'
// Package lib is tracked by hand.
package lib

// Twice doubles n.
func Twice(n int) int {
	//+goat:insert
	m := n * 2
	// +goat:insert
	return m
}

// Half halves n.
func Half(n int) int {
	// +goat: insert
	return n / 2 // +goat:insert
}
EOF
commit v1
"$GOAT" init --old INIT >/dev/null || fail "init (markers)"
out=$("$GOAT" patch 2>"$tmp/err") || fail "patch with near misses: $(cat "$tmp/err")"
expect_contains "patch applies the real marker" "$out" "goat patch: 1 tracking point in 1 file"
warnings=$(grep '^lib/.*: warning: ' "$tmp/err")
expect_eq "patch names each near miss" 'lib/lib.go:6:2: warning: "//+goat:insert" is not a goat marker, so goat ignores it (write "// +goat:insert" alone on its line)
lib/lib.go:14:2: warning: "// +goat: insert" is not a goat marker, so goat ignores it (write "// +goat:insert" alone on its line)
lib/lib.go:15:15: warning: "// +goat:insert" is not a goat marker: a marker stands alone on its line, so goat ignores it (move it to a line of its own)' "$warnings"
go_checks "$repo"
out=$("$GOAT" clean --dry-run 2>"$tmp/err") || fail "clean --dry-run (markers)"
expect_contains "clean --dry-run wording" "$(cat "$tmp/err")" "goat clean: would remove 1 tracking point from 1 file"
# (patch added the import and a block above them: they moved down)
expect_eq "clean names the near misses too" "$(echo "$warnings" | sed 's/:6:2:/:8:2:/; s/:14:2:/:19:2:/; s/:15:15:/:20:15:/')" \
    "$(grep '^lib/.*: warning: ' "$tmp/err")"
out=$("$GOAT" patch --dry-run 2>&1 >/dev/null) || fail "patch --dry-run (markers)"
expect_contains "patch --dry-run wording" "$out" "goat patch: would leave 1 tracking point in 1 file, 0 main entries, 0 files to change"
"$GOAT" clean >/dev/null 2>&1 || fail "clean (markers)"
# the marker patch turned into a tracking point is gone with it
expect_eq "after clean, only the applied marker is gone" "0	1	lib/lib.go" "$(git diff --numstat)"

# ---- messages that say what to do: a file or a module root goat cannot
# write (root ignores permissions, so immutable flags and a read-only
# mount stand in for them, where this machine allows them), a quoted
# boolean in goat.yaml
repo=$tmp/rw
make_shop_repo "$repo"
"$GOAT" init --granularity func >/dev/null || fail "init (rw)"
before=$(snapshot "$repo")
if chattr +i util/strs/strs.go 2>/dev/null; then
    out=$("$GOAT" track 2>&1)
    rc=$?
    chattr -i util/strs/strs.go
    expect_eq "immutable file exits 1" 1 $rc
    expect_contains "immutable file: what and what to do" "$out" \
        "util/strs/strs.go: cannot replace it (goat first links a backup of it): Operation not permitted; the file (or its directory) is probably immutable or append-only, which lsattr shows as an i or an a flag: clear the flag (chattr -i or chattr -a, as root) and run goat again (goat track can also leave the file alone: list it in goat.yaml's ignores)"
    expect_eq "immutable file: nothing written" "$before" "$(snapshot "$repo")"
    # An append-only directory lets goat make its files but not replace or
    # remove any: each one left is named.
    chattr +a util/strs
    out=$("$GOAT" track 2>&1)
    rc=$?
    chattr -a util/strs
    expect_eq "append-only directory exits 1" 1 $rc
    expect_contains "append-only directory: what to do" "$out" "chattr -i or chattr -a"
    left=$(find util/strs -name '.goat-*' | LC_ALL=C sort)
    [ -n "$left" ] || fail "append-only directory: goat left none of its files (the test expects some)"
    for f in $left; do
        expect_contains "append-only directory names $f" "$out" "goat: could not remove $f, a file goat made"
    done
    rm -f $left
    expect_eq "append-only directory: nothing else written" "$before" "$(snapshot "$repo")"
    chattr +i .
    out=$("$GOAT" track 2>&1)
    rc=$?
    chattr -i .
    expect_eq "immutable module root exits 1" 1 $rc
    expect_contains "immutable module root names the package directory" "$out" \
        "cannot create the directory goat/ (for goat/goat_generated.go): Operation not permitted; the directory that would hold it is probably immutable (lsattr -d shows an i flag): clear the flag (chattr -i, as root), or set goatPackagePath in goat.yaml"
    expect_eq "immutable module root: nothing written" "$before" "$(snapshot "$repo")"
else
    echo "note: chattr +i is not supported here: the immutable-file messages are not checked"
fi
if unshare -m true 2>/dev/null; then
    out=$(unshare -m sh -c 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && cd "$1" && "$2" track' sh "$repo" "$GOAT" 2>&1)
    rc=$?
    case $out in
    *"mount:"*) echo "note: no read-only bind mount here: $out" ;;
    *)
        expect_eq "read-only module exits 1" 1 $rc
        expect_contains "read-only module: what to do" "$out" "Read-only file system; the file system is mounted read-only: run goat on a writable checkout"
        expect_eq "read-only module: nothing written" "$before" "$(snapshot "$repo")"
        ;;
    esac
else
    echo "note: unshare -m is not allowed here: the read-only mount is not checked"
fi
cp goat.yaml "$tmp/rw.yaml"
sed -i 's/^race: false$/race: "true"/' goat.yaml
line=$(grep -n '^race:' goat.yaml | cut -d: -f1)
out=$("$GOAT" track 2>&1)
expect_eq "quoted race exits 1" 1 $?
expect_contains "quoted race: drop the quotes" "$out" "goat.yaml:$line:7: race: expected true or false, got the quoted string \"true\": drop the quotes (race: true)"
sed -i 's/^race: .*$/race: yes/' goat.yaml
"$GOAT" track >/dev/null 2>&1 || fail "race: yes (YAML 1.1) is refused"
grep -q 'sync/atomic' goat/goat_generated.go || fail "race: yes did not select sync/atomic"
"$GOAT" clean >/dev/null || fail "clean (rw)"

finish
