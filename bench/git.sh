#!/bin/sh
# Benchmark of the git change analysis (src/git): the Go standard library's
# net, encoding and go trees committed as a base, then a second commit that
# edits a few thousand lines in a few hundred files (deterministic awk
# edits). Times each precision (through the test driver tests/git/changes_dump,
# best of 3) next to `git diff --stat` and `git blame` run by the git CLI on
# the same commits. Targets: precisions 2 and 3 within 2x of
# `git diff --stat`; precision 1 no slower than `git blame` over the same
# files. Prints figures; never fails on them.
command -v git >/dev/null 2>&1 || { echo "git.sh: git CLI not installed, skipped"; exit 0; }
DUMP=${top_builddir:-.}/tests/git/changes_dump
if [ ! -x "$DUMP" ]; then
    (cd "${top_builddir:-.}" && make tests/git/changes_dump >/dev/null) || { echo "git.sh: cannot build $DUMP"; exit 1; }
fi
SRC=${GOROOT_SRC:-/usr/share/go-1.19}/src
[ -d "$SRC/net" ] || { echo "git.sh: no Go source tree at $SRC, skipped"; exit 0; }

WORK=$(mktemp -d) || exit 1
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

repo=$WORK/repo
mkdir -p "$repo" && cd "$repo" || exit 1
git -c init.defaultBranch=main init -q . || exit 1
for d in net encoding go; do cp -R "$SRC/$d" "$repo/$d"; done
printf 'module std\n\ngo 1.19\n' > go.mod
git add -A && GIT_AUTHOR_DATE="@1600000000 +0000" GIT_COMMITTER_DATE="@1600000000 +0000" git commit -q -m base
git tag base

# Edit four of every five Go files goat looks at: change every 40th line,
# insert a line after every 60th.
find net encoding go -name '*.go' ! -name '*_test.go' ! -path '*/testdata/*' | LC_ALL=C sort |
    awk 'NR % 5 != 0' > "$WORK/edited"
while read -r f; do
    awk '{ if (NR % 40 == 0) print $0 " // edited"; else print }
         NR % 60 == 0 { print "// inserted by the benchmark" }' "$f" > "$WORK/tmp" && cat "$WORK/tmp" > "$f"
done < "$WORK/edited"
git add -A && GIT_AUTHOR_DATE="@1600000100 +0000" GIT_COMMITTER_DATE="@1600000100 +0000" git commit -q -m edits
stat=$(git diff --shortstat base HEAD)
echo "repository: $(git ls-files | wc -l) files, $(git ls-files '*.go' | wc -l) Go files; change:$stat"

# best_of CMD...: the best wall-clock time of three runs, in seconds.
best_of() {
    best=
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s.%N)
        best=$(echo "$start $end $best" | awk '{ t = $2 - $1; if ($3 != "" && $3 < t) t = $3; printf "%.3f", t }')
    done
    echo "$best"
}

blame_all() {
    while read -r f; do git blame -s HEAD -- "$f" >/dev/null || return 1; done < "$WORK/edited"
}
# git blame limited to the new commits (lines beyond base are boundary lines)
blame_range() {
    while read -r f; do git blame -s base..HEAD -- "$f" >/dev/null || return 1; done < "$WORK/edited"
}

lines=$("$DUMP" --old base --precision 2 | awk -F': ' '{ n = split($2, r, ","); for (i = 1; i <= n; i++) { split(r[i], b, "-"); c += (2 in b) ? b[2] - b[1] + 1 : 1 } } END { print NR " files, " c " new lines" }')
echo "goat finds: $lines"
for p in 1 2 3; do
    [ "$("$DUMP" --old base --precision $p)" = "$("$DUMP" --old base --precision $p --threads 4)" ] ||
        echo "WARNING: precision $p differs between threads=1 and threads=4"
done

t_stat=$(best_of git diff --stat base HEAD)
t_stat_nr=$(best_of git diff --stat --no-renames base HEAD)
t_blame=$(best_of blame_all)
t_blame_range=$(best_of blame_range)
t_p3=$(best_of "$DUMP" --old base --precision 3)
t_p2=$(best_of "$DUMP" --old base --precision 2)
t_p1=$(best_of "$DUMP" --old base --precision 1)
t_p1_2=$(best_of "$DUMP" --old base --precision 1 --threads 2)
t_p2_2=$(best_of "$DUMP" --old base --precision 2 --threads 2)
t_init=$(best_of "$DUMP" --old INIT)

ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.2fx", $1 / $2; else print "-" }'; }
printf '%-44s %8s  %s\n' "what" "seconds" "ratio"
printf '%-44s %8s\n' "git diff --stat base HEAD (-M, git default)" "$t_stat"
printf '%-44s %8s\n' "git diff --stat --no-renames base HEAD" "$t_stat_nr"
printf '%-44s %8s  %s of git diff --stat (target <= 2x)\n' "goat precision 2 (threads=1)" "$t_p2" "$(ratio "$t_p2" "$t_stat")"
printf '%-44s %8s  %s of git diff --stat\n' "goat precision 2 (threads=2)" "$t_p2_2" "$(ratio "$t_p2_2" "$t_stat")"
printf '%-44s %8s  %s of git diff --stat --no-renames (target <= 2x)\n' "goat precision 3 (threads=1)" "$t_p3" "$(ratio "$t_p3" "$t_stat_nr")"
printf '%-44s %8s\n' "git blame HEAD, each of the $(wc -l < "$WORK/edited") edited files" "$t_blame"
printf '%-44s %8s\n' "git blame base..HEAD, the same files" "$t_blame_range"
printf '%-44s %8s  %s of git blame (target <= 1x)\n' "goat precision 1 (threads=1)" "$t_p1" "$(ratio "$t_p1" "$t_blame")"
printf '%-44s %8s  %s of git blame\n' "goat precision 1 (threads=2)" "$t_p1_2" "$(ratio "$t_p1_2" "$t_blame")"
printf '%-44s %8s\n' "goat INIT (every line of every file)" "$t_init"
