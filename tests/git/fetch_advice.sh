#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that the fetch commands goat suggests when a shallow clone lacks
# --old work when run exactly as printed: in single-branch shallow clones
# (`git clone --depth 1 --branch release file://...`, as CI checkouts are
# made), for a tag, a branch, origin/BRANCH and REMOTE/BRANCH of a remote
# not called origin, the suggested command for what the name is makes it
# resolve (goat init then succeeds and goat track --dry-run works), and the
# suggested history command then gives diffPrecision 1 the commits in
# between (the clone is no longer shallow, and the change is tracked).
# A plain `git fetch origin main` or `git fetch --unshallow` in such a clone
# brings neither main nor origin/main: this test failed when goat said so.
. "${top_srcdir:-.}/tests/git/lib.sh"
[ -x "${GOAT:-}" ] || { echo "FAIL: \$GOAT ($GOAT) is not built"; exit 1; }

# The origin: v1 on main, main one commit further, release forked from
# main with one commit of its own.
new_repo origin
printf 'module example.com/m\n\ngo 1.21\n' > go.mod
{ echo 'package main'; echo; echo 'func main() {'; gen_lines 5 a; echo '}'; } > main.go
git add . && commit c1
git tag v1
sed -i 's/a_2 := 2/a_2 := 20/' main.go && git add . && commit c2
git checkout -q -b release
sed -i 's/a_4 := 4/a_4 := 40/' main.go && git add . && commit c3
git checkout -q main

# clone REMOTE: a fresh single-branch clone of release, one commit deep,
# with the remote named REMOTE; cds into it.
clone() {
    cd "$WORK" && rm -rf clone && git clone -q -o "$1" --depth 1 --branch release "file://$WORK/origin" clone &&
        cd clone || exit 1
    [ -f .git/shallow ] || fail "the clone is not shallow"
}

# advice NAME: goat init --old NAME's error in the current clone.
advice() {
    if "$GOAT" init --old "$1" >"$WORK/out" 2>&1; then
        fail "init --old $1 succeeded before any fetch"
    fi
    cat "$WORK/out"
}

# commands TEXT: the git fetch commands in TEXT, one a line.
commands() { printf '%s\n' "$1" | grep -o 'git fetch [^;),]*' | sed 's/ *$//'; }

# check REMOTE NAME: in a fresh clone, NAME is missing and goat says how to
# fetch it; exactly one of the suggested fetch commands succeeds as printed
# (the one for what NAME is), goat init --old NAME and goat track --dry-run
# then succeed; the history command then unshallows the clone, and
# diffPrecision 1 tracks the change.
check() {
    remote=$1 name=$2
    clone "$remote"
    msg=$(advice "$name")
    echo "$msg" | grep -q "This is a shallow clone" || { fail "$name: no fetch advice: $msg"; return; }
    cmds=$(commands "$msg")
    fetch_cmds=$(printf '%s\n' "$cmds" | grep -v -e '--unshallow' || true)
    history_cmd=$(printf '%s\n' "$cmds" | grep -e '--unshallow' | head -n 1)
    [ -n "$fetch_cmds" ] || { fail "$name: no fetch command in: $msg"; return; }
    [ -n "$history_cmd" ] || fail "$name: no history command in: $msg"
    worked=0
    # one fresh clone per command, so that one cannot help another
    while IFS= read -r cmd; do
        clone "$remote"
        if eval "$cmd" >"$WORK/fetch.log" 2>&1; then
            worked=$((worked + 1))
            "$GOAT" init --old "$name" >"$WORK/init.log" 2>&1 ||
                { fail "$name: init after \`$cmd\`: $(cat "$WORK/init.log")"; continue; }
            "$GOAT" track --dry-run >"$WORK/track.log" 2>&1 ||
                fail "$name: track --dry-run after \`$cmd\`: $(tail -n 3 "$WORK/track.log")"
            [ -n "$history_cmd" ] || continue
            eval "$history_cmd" >"$WORK/fetch.log" 2>&1 ||
                { fail "$name: \`$history_cmd\` after \`$cmd\`: $(cat "$WORK/fetch.log")"; continue; }
            [ "$(git rev-parse --is-shallow-repository)" = false ] ||
                fail "$name: still shallow after \`$cmd\` and \`$history_cmd\`"
            "$GOAT" track --dry-run >"$WORK/track.log" 2>&1 ||
                fail "$name: track --dry-run with the history: $(tail -n 3 "$WORK/track.log")"
            grep -q 'a_4 := 40' "$WORK/track.log" ||
                fail "$name: precision 1 with the history does not track c3: $(tail -n 3 "$WORK/track.log")"
            grep -q 'warning: this clone is shallow' "$WORK/track.log" &&
                fail "$name: still warned about the shallow clone: $(tail -n 3 "$WORK/track.log")"
        fi
    done <<EOF
$fetch_cmds
EOF
    [ "$worked" = 1 ] || fail "$name: $worked of the suggested commands worked, not 1: $msg"
}

check origin v1
check origin main
check origin origin/main
check upstream main
check upstream upstream/main

# After the depth-1 fetch of v1, diffPrecision 1 warns that the clone
# lacks the history in between (c3's parent); the command its warning
# prints brings it.
clone origin
git fetch -q --depth 1 origin tag v1 || fail "fetch v1"
"$GOAT" init --old v1 >/dev/null 2>&1 || fail "init --old v1 after the fetch"
"$GOAT" track --dry-run >"$WORK/track.log" 2>&1 || fail "track --dry-run: $(tail -n 3 "$WORK/track.log")"
cmd=$(grep 'warning: this clone is shallow' "$WORK/track.log" | grep -o 'git fetch [^;),]*' | sed 's/ gives.*//')
[ -n "$cmd" ] || fail "no command in the shallow warning: $(tail -n 3 "$WORK/track.log")"
eval "$cmd" >"$WORK/fetch.log" 2>&1 || fail "\`$cmd\` from the warning: $(cat "$WORK/fetch.log")"
"$GOAT" track --dry-run >"$WORK/track.log" 2>&1 || fail "track --dry-run: $(tail -n 3 "$WORK/track.log")"
grep -q 'warning: this clone is shallow' "$WORK/track.log" && fail "still warned after \`$cmd\`"
grep -q 'a_4 := 40' "$WORK/track.log" || fail "after \`$cmd\`, c3 is not tracked: $(tail -n 3 "$WORK/track.log")"

# goat report on sources built from a commit the clone lacks (main's, not
# in release's history of one commit): its command fetches it.
clone origin
sed "s/\"commit\":\"[0-9a-f]*\"/\"commit\":\"$(git -C "$WORK/origin" rev-parse main)\"/" \
    "${top_srcdir:-.}/tests/report/answers/a.json" >"$WORK/answer.json"
"$GOAT" report "$WORK/answer.json" >/dev/null 2>"$WORK/report.log"
cmd=$(grep -o 'git fetch [^;),]*' "$WORK/report.log")
[ -n "$cmd" ] || fail "report: no fetch command: $(cat "$WORK/report.log")"
eval "$cmd" >"$WORK/fetch.log" 2>&1 || fail "report: \`$cmd\`: $(cat "$WORK/fetch.log")"
"$GOAT" report "$WORK/answer.json" >/dev/null 2>"$WORK/report.log"
grep -q 'does not have' "$WORK/report.log" && fail "report: still missing after \`$cmd\`: $(cat "$WORK/report.log")"

# With the remote named upstream, the commands name it, never origin.
clone upstream
msg=$(advice main)
echo "$msg" | grep -q 'origin' && fail "origin named in a clone whose remote is upstream: $msg"

# Commands are shell words: a name with a shell character is quoted.
clone origin
msg=$(advice 'a$b')
echo "$msg" | grep -qF "git fetch --depth 1 origin tag 'a\$b'" || fail "a name with \$ is not quoted: $msg"

# ... and so is a remote's name, in every command, the history one too.
clone origin
git remote rename origin 'up$x' || fail "rename the remote"
msg=$(advice main)
echo "$msg" | grep -qF "git fetch --depth 1 'up\$x' refs/heads/main:refs/heads/main" ||
    fail "a remote with \$ is not quoted in the fetch: $msg"
echo "$msg" | grep -qF "git fetch --unshallow 'up\$x')" || fail "a remote with \$ is not quoted in the history: $msg"

# A full clone of one branch (git clone --single-branch) lacks the others
# too: the same commands, without a depth, and exactly one works; a clone
# of every branch gets no fetch advice (what it lacks, its remote lacks).
for name in main origin/main v1; do
    cd "$WORK" && rm -rf narrow && git clone -q -o origin --single-branch --no-tags --branch release \
        "file://$WORK/origin" narrow && cd narrow || exit 1
    msg=$(advice "$name")
    echo "$msg" | grep -q "This clone fetches only some branches of its remote" ||
        { fail "single-branch clone, $name: no fetch advice: $msg"; continue; }
    echo "$msg" | grep -q -e '--depth\|--unshallow' && fail "single-branch clone, $name: a depth in: $msg"
    worked=0
    while IFS= read -r cmd; do
        cd "$WORK" && rm -rf narrow && git clone -q -o origin --single-branch --no-tags --branch release \
            "file://$WORK/origin" narrow && cd narrow || exit 1
        if eval "$cmd" >"$WORK/fetch.log" 2>&1; then
            worked=$((worked + 1))
            "$GOAT" init --old "$name" >"$WORK/init.log" 2>&1 || fail "single-branch, $name: init after \`$cmd\`"
        fi
    done <<EOF2
$(commands "$msg")
EOF2
    [ "$worked" = 1 ] || fail "single-branch clone, $name: $worked of the commands worked, not 1: $msg"
done
cd "$WORK" && rm -rf full && git clone -q "file://$WORK/origin" full && cd full || exit 1
msg=$(advice nosuch)
echo "$msg" | grep -q 'git fetch' && fail "a clone of every branch got fetch advice: $msg"

# A clone without a remote says where to fetch from instead.
clone origin
git remote remove origin
msg=$(advice main)
echo "$msg" | grep -q 'git fetch' && fail "a command without a remote: $msg"
echo "$msg" | grep -q 'the repository it was cloned from' || fail "no remote, no advice: $msg"

finish
