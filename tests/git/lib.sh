# SPDX-License-Identifier: MIT
# Shared helpers of the tests/git/*.sh scripts (sourced, not run).
# They build throw-away repositories with the git CLI and run the test
# driver tests/git/changes_dump on them.

command -v git >/dev/null 2>&1 || { echo "SKIP: git CLI not installed"; exit 77; }
DUMP=${top_builddir:-.}/tests/git/changes_dump
[ -x "$DUMP" ] || { echo "FAIL: $DUMP not built"; exit 1; }

WORK=$(mktemp -d) || exit 1
trap 'rm -rf "$WORK"' EXIT
# Isolate from the user's and the system's git configuration.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
export GIT_AUTHOR_NAME=goat GIT_AUTHOR_EMAIL=goat@example.com
export GIT_COMMITTER_NAME=goat GIT_COMMITTER_EMAIL=goat@example.com
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
failures=0
CLOCK=1600000000

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# new_repo NAME: creates $WORK/NAME and cds into it.
new_repo() {
    cd "$WORK" && rm -rf "$1" && mkdir -p "$1" && cd "$1" &&
        git -c init.defaultBranch=main init -q . || exit 1
}

# commit MESSAGE [SAME]: commits everything; each commit one second after
# the previous one unless SAME is given (then in the same second).
commit() {
    [ -n "$2" ] || CLOCK=$((CLOCK + 1))
    GIT_AUTHOR_DATE="@$CLOCK +0000" GIT_COMMITTER_DATE="@$CLOCK +0000" \
        git -c core.autocrlf=false commit -q --allow-empty -m "$1" || exit 1
}

# gen_lines N PREFIX: N distinct lines of Go code.
gen_lines() {
    _gl=1
    while [ "$_gl" -le "$1" ]; do echo "	$2_$_gl := $_gl"; _gl=$((_gl + 1)); done
}

# run_dump ARGS...: the driver, under $FUZZ_WRAPPER when `make
# check-valgrind` sets one (valgrind).
run_dump() { ${FUZZ_WRAPPER:-} "$DUMP" "$@"; }

# dump ARGS...: the driver's output without the "(all)" markers.
dump() { run_dump "$@" | sed 's/ (all)$//'; }

# expect NAME EXPECTED ACTUAL
expect() {
    if [ "$2" != "$3" ]; then
        fail "$1"
        echo "--- expected"; printf '%s\n' "$2"
        echo "--- actual"; printf '%s\n' "$3"
    fi
}

# git_added OLD NEW DIFFFLAGS...: the added lines git diff -U0 reports for
# the Go files goat looks at (not symbolic links), in the driver's format.
git_added() {
    old=$1 new=$2; shift 2
    git -c core.quotepath=off diff -U0 "$@" "$old" "$new" | awk '
        function flush() {
            if (file != "" && out != "") print file ": " out
            out = ""
        }
        /^diff --git / { flush(); file = ""; link = 0; next }
        /^(new file mode|new mode) 120000/ || /^index [0-9a-f]+\.\.[0-9a-f]+ 120000/ { link = 1; next }
        /^\+\+\+ / {
            file = substr($0, 5)
            if (link) file = ""
            if (file == "/dev/null") file = ""
            else sub(/^b\//, "", file)
            if (file !~ /\.go$/ || file ~ /_test\.go$/ || file ~ /(^|\/)(vendor|testdata|node_modules)\//) file = ""
            next
        }
        /^@@ / && file != "" {
            split($3, r, ",")
            start = substr(r[1], 2) + 0
            count = (2 in r) ? r[2] + 0 : 1
            if (count == 0) next
            range = (count == 1) ? start : start "-" (start + count - 1)
            out = (out == "") ? range : out "," range
        }
        END { flush() }' | LC_ALL=C sort
}

# blame_oracle OLD NEW [shallow]: for every Go file whose content differs
# between OLD and NEW (binary files excepted), the lines whose `git blame
# NEW` commit is not an ancestor of OLD. With "shallow", a line git blame
# marks as a boundary line (^, a commit of a shallow clone's boundary) is
# old.
blame_oracle() {
    old=$1 new=$2 boundary_old=${3:-}
    git diff --no-renames --name-only --diff-filter=AMT "$old" "$new" -- '*.go' | LC_ALL=C sort |
        while read -r file; do
            case $file in *_test.go) continue ;; esac
            case $(git diff --numstat "$old" "$new" -- "$file") in -*) continue ;; esac # binary
            git blame -s -l "$new" -- "$file" | while read -r hash rest; do
                case $hash in ^*) [ -n "$boundary_old" ] && continue ;; esac
                hash=${hash#^}
                line=${rest%%)*}
                line=${line##* }
                if git merge-base --is-ancestor "$hash" "$old"; then :; else echo "$line"; fi
            done | awk -v f="$file" '
                { if (n && $1 == last + 1) { last = $1; next }
                  if (n) { out = out sep range(first, last); sep = "," }
                  first = last = $1; n = 1 }
                function range(a, b) { return a == b ? a : a "-" b }
                END { if (n) print f ": " out sep range(first, last) }'
        done
}

# finish: the exit status of the script.
finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed"
        exit 1
    fi
    echo "all checks passed"
    exit 0
}
