#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves the preconditions and their messages: unknown refs are named,
# newBranch must be the commit at HEAD, modified or staged tracked files
# (other than goat.yaml) are refused and listed (at most 10), untracked
# files are fine, a directory outside any repository is refused.
. "${top_srcdir:-.}/tests/git/lib.sh"

# run_err ARGS...: the driver's stderr; fails the check when it succeeds.
run_err() {
    if run_dump "$@" >"$WORK/out" 2>"$WORK/err"; then
        echo "unexpected success"
    else
        cat "$WORK/err"
    fi
}

# expect_err NAME PATTERN ARGS...
expect_err() {
    name=$1 pattern=$2; shift 2
    msg=$(run_err "$@")
    echo "$msg" | grep -q -e "$pattern" || { fail "$name"; echo "  message: $msg"; }
}

new_repo errors
printf 'package main\n\nfunc main() {\n}\n' > main.go
printf 'oldBranch: main\n' > goat.yaml
i=1; while [ $i -le 12 ]; do printf 'package main\n' > f$i.go; i=$((i + 1)); done
git add . && commit base
git tag v1
git checkout -q -b feature
echo '// x' >> main.go && git add . && commit one

expect_err "unknown oldBranch" 'oldBranch "nosuch": no branch, tag or commit' --old nosuch
expect_err "unknown newBranch" 'newBranch "nosuch": no branch, tag or commit' --old main --new nosuch
expect_err "bad revspec" 'oldBranch "main~99"' --old 'main~99'
tree=$(git rev-parse 'HEAD^{tree}')
expect_err "a tree is not a commit" "oldBranch \"$tree\" does not name a commit" --old "$tree"
expect_err "newBranch not at HEAD" 'newBranch "main" is commit .* but HEAD is' --old v1 --new main
expect_err "bad precision" 'diffPrecision must be 1, 2 or 3' --old main --precision 4
expect "newBranch empty means HEAD" "main.go: 5" "$(dump --old main --new '')"
expect "newBranch HEAD" "main.go: 5" "$(dump --old main --new HEAD)"
expect "newBranch by name" "main.go: 5" "$(dump --old main --new feature)"

# Untracked files and a modified goat.yaml are allowed.
printf 'package main\n' > untracked.go
printf 'oldBranch: v1\n' > goat.yaml
expect "untracked and goat.yaml" "main.go: 5" "$(dump --old main --precision 1)"

# A modified, a staged and a deleted file: refused, each named.
echo '// dirty' >> f1.go
echo '// staged' >> f2.go && git add f2.go
rm f3.go
msg=$(run_err --old main)
for f in f1.go f2.go f3.go; do
    echo "$msg" | grep -q "^  $f\$" || { fail "dirty worktree lists $f"; echo "$msg"; }
done
echo "$msg" | grep -q "uncommitted changes to 3 tracked files" || { fail "dirty count"; echo "$msg"; }
echo "$msg" | grep -q "goat.yaml" && fail "goat.yaml listed as dirty"

# More than ten: ten listed, then "...".
i=1; while [ $i -le 12 ]; do echo '// dirty' >> f$i.go; i=$((i + 1)); done
msg=$(run_err --old main)
[ "$(echo "$msg" | grep -c '^  f[0-9]*\.go$')" = 10 ] || { fail "ten dirty files listed"; echo "$msg"; }
echo "$msg" | grep -q '^  \.\.\.$' || { fail "dirty list ends with ..."; echo "$msg"; }
echo "$msg" | grep -q "uncommitted changes to 12 tracked files" || { fail "dirty count 12"; echo "$msg"; }
git reset -q && git checkout -q -- .

# A project directory that was never committed.
mkdir -p newsvc && printf 'package newsvc\n' > newsvc/a.go
expect_err "project directory not committed" "newsvc: the project directory is not in newBranch's commit" --dir newsvc --old INIT
rm -rf newsvc

# A project in a subdirectory: only its own files have to be committed.
mkdir -p svc && printf 'package main\n\nfunc main() {\n}\n' > svc/main.go && printf 'module svc\n' > svc/go.mod
git add svc && commit svc
echo '// work in progress elsewhere' >> f1.go
expect "dirty file outside the project" "main.go: 1-4" "$(dump --dir svc --old INIT)"
echo '// dirty' >> svc/main.go
msg=$(run_err --dir svc --old INIT)
echo "$msg" | grep -q "^  svc/main.go\$" || { fail "dirty file inside the project"; echo "$msg"; }
echo "$msg" | grep -q "f1.go" && fail "file outside the project listed as dirty"
git checkout -q -- . && rm -rf svc && git rm -rq --cached svc 2>/dev/null; git commit -qm "drop svc" 2>/dev/null

# A detached HEAD is fine.
git checkout -q --detach HEAD
expect "detached HEAD" "main.go: 5" "$(dump --old main)"

# Outside any repository.
mkdir -p "$WORK/norepo" && cd "$WORK/norepo" || exit 1
GIT_CEILING_DIRECTORIES=$WORK
export GIT_CEILING_DIRECTORIES
expect_err "not a repository" 'not inside a git repository' --old main
expect_err "missing project directory" 'cannot open the project directory' --dir "$WORK/nowhere" --old main

finish
