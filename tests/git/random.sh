#!/bin/sh
# SPDX-License-Identifier: MIT
# Differential test on random histories (fixed seeds, so reproducible):
# branches, merges resolved either way, renames, same-second commits. For
# several old/new pairs, precision 1 must equal `git blame` + `git
# merge-base --is-ancestor`, precision 2 `git diff -M` and precision 3
# `git diff --no-renames`; threads must not change anything.
. "${top_srcdir:-.}/tests/git/lib.sh"

RNG=1
# rand N: a pseudo-random number in [0, N) in $R.
rand() {
    RNG=$(( (RNG * 1103515245 + 12345) % 2147483648 ))
    R=$(( (RNG / 65536) % $1 ))
}

# edit FILE: modifies, inserts or deletes a few random lines.
edit() {
    rand 3; op=$R
    n=$(wc -l < "$1")
    rand $((n - 4)); line=$((R + 4)) # never the package clause or the func line
    rand 3; span=$((R + 1))
    awk -v op=$op -v at=$line -v span=$span -v tag="$tag" '
        NR >= at && NR < at + span && op == 0 { print $0 " // " tag; next }
        NR >= at && NR < at + span && op == 2 && NR < last { next }
        { print }
        NR >= at && NR < at + span && op == 1 { print "\tins_" tag "_" NR " := 0" }' last="$n" "$1" > "$1.tmp"
    mv "$1.tmp" "$1"
}

history() {
    new_repo "random$1"
    RNG=$1
    i=1
    while [ $i -le 5 ]; do
        { echo 'package p'; echo; echo "func F$i() {"; gen_lines 30 "f$i"; echo '}'; } > "f$i.go"
        i=$((i + 1))
    done
    git add . && commit base
    git branch b1 && git branch b2
    step=1
    while [ $step -le 30 ]; do
        tag="s$1_$step"
        rand 3
        case $R in 0) branch=main ;; 1) branch=b1 ;; *) branch=b2 ;; esac
        git checkout -q "$branch"
        rand 10
        if [ "$R" -lt 2 ] && [ $step -gt 4 ]; then
            rand 3
            case $R in 0) other=main ;; 1) other=b1 ;; *) other=b2 ;; esac
            rand 2
            if [ "$R" = 0 ]; then side=ours; else side=theirs; fi
            CLOCK=$((CLOCK + 1))
            GIT_AUTHOR_DATE="@$CLOCK +0000" GIT_COMMITTER_DATE="@$CLOCK +0000" \
                git merge -q --no-edit -X "$side" "$other" >/dev/null 2>&1 || git merge --abort 2>/dev/null
        else
            rand 5; f=$(ls *.go | sed -n "$((R + 1))p")
            edit "$f"
            rand 4; [ "$R" = 0 ] && { rand 5; g=$(ls *.go | sed -n "$((R + 1))p"); edit "$g"; }
            rand 12
            if [ "$R" = 0 ]; then git mv "$f" "r_$tag.go"; fi
            git add -A
            rand 3
            if [ "$R" = 0 ]; then commit "$tag" same; else commit "$tag"; fi
        fi
        step=$((step + 1))
    done
    git checkout -q main
    CLOCK=$((CLOCK + 1))
    GIT_AUTHOR_DATE="@$CLOCK +0000" GIT_COMMITTER_DATE="@$CLOCK +0000" \
        git merge -q --no-edit -X theirs b1 >/dev/null 2>&1 || git merge --abort 2>/dev/null
}

seeds="11 23 37 41 59"
# sampled runs (sanitizers, valgrind) try one history
[ "${GOAT_CORPUS_SAMPLE:-1}" -gt 1 ] 2>/dev/null && seeds=11
for seed in $seeds; do
    history $seed
    for old in b1 b2 main~2 main~5 "$(git rev-list --max-parents=0 HEAD)"; do
        expect "seed $seed, old $old: precision 1 = git blame" \
            "$(blame_oracle "$old" HEAD)" "$(dump --old "$old" --precision 1)"
        expect "seed $seed, old $old: precision 1, threads" \
            "$(dump --old "$old" --precision 1)" "$(dump --old "$old" --precision 1 --threads 3)"
        expect "seed $seed, old $old: precision 2 = git diff -M" \
            "$(git_added "$old" HEAD -M)" "$(dump --old "$old" --precision 2 --threads 2)"
        expect "seed $seed, old $old: precision 3 = git diff --no-renames" \
            "$(git_added "$old" HEAD --no-renames)" "$(dump --old "$old" --precision 3)"
    done
done

finish
