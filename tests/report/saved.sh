#!/bin/sh
# SPDX-License-Identifier: MIT
# goat report over saved /track answers (tests/report/answers/, hand-written
# to the format of src/gen/gen.h), without Go or a repository: the exact
# union as text and JSON; standard input as a source; --fail-under's exit
# statuses (the message rounding down as the report does); --component;
# sources of another build, an answer of another format, a missing file (and
# --ignore-unreachable), HOST:PORT without http://; a source given twice and
# the other usage errors; the warning when there is no repository to show
# code from, and the errors when --html or --coverprofile need it; outputs
# that would write over a source or each other, or are '-'; colour only on
# a terminal, NO_COLOR.
: "${top_srcdir:?}" "${GOAT:?}"
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cp "$top_srcdir"/tests/report/answers/*.json "$tmp/"
cd "$tmp" || exit 1
answers=$top_srcdir/tests/report/answers

# run EXPECTED-STATUS ARGS...: runs goat report; stdout in out, stderr in err.
run() {
    want=$1
    shift
    "$GOAT" report "$@" >out 2>err
    got=$?
    [ "$got" -eq "$want" ] || fail "goat report $* exited with $got, want $want: $(cat err)"
}
expect_in() {
    grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(cat "$1")"
}

run 0 a.json b.json
cmp -s out "$answers/union.txt" || { fail "text report"; diff "$answers/union.txt" out; }
expect_in err "warning: the report shows no code: . is not in a git repository"
run 0 --format json a.json b.json
cmp -s out "$answers/union.json" || { fail "JSON report"; diff "$answers/union.json" out; }
"$GOAT" report --format json - b.json <a.json >out 2>err || fail "standard input as a source: $(cat err)"
expect_in out '"sources":[{"source":"(standard input)","points":5,"covered":2},{"source":"b.json"'

# The gate: 3 of 5 points ran, 60%.
run 0 --fail-under 60 a.json b.json
run 0 --fail-under 0 a.json b.json
run 3 --fail-under 60.5 a.json b.json
expect_in err "3 of 5 tracking points ran (60.0%), below --fail-under 60.5"
cmp -s out "$answers/union.txt" || fail "the report below --fail-under differs"
run 3 --fail-under=100% a.json b.json
# The message rounds down as the report does: 2 of 3 is 66.6%, never 66.7%.
sed 's/"id":5,"name":"TRACK_ID_5","count":0/"id":5,"name":"TRACK_ID_5","count":1/' a.json >two-of-three.json
run 3 --component cmd/client --fail-under 66.7 two-of-three.json
expect_in err "2 of 3 tracking points ran (66.6%), below --fail-under 66.7"
for bad in 101 -1 abc 50x ""; do
    run 2 --fail-under "$bad" a.json
done

# A table of 7 points: the two no component reports are said, not counted.
sed 's/"mode":"count",/"mode":"count","points":7,/' a.json >sized.json
run 0 --format json sized.json b.json
expect_in out '{"total":5,"covered":3,'
expect_in out ',"unreported":[6,7]}'
run 0 sized.json b.json
expect_in out "in no component the sources report: 2 points, not counted above
  TRACK_ID_6, TRACK_ID_7"
run 0 --component cmd/server --format json a.json b.json
expect_in out '{"total":4,"covered":3,'
run 1 --component cmd/nope a.json
expect_in err 'no source knows a component "cmd/nope"; they know: cmd/client, cmd/server'
# No name at all would select nothing, a report that passes any gate.
for none in "" ","; do
    run 2 --component "$none" --fail-under 100 a.json
    expect_in err "--component takes component names separated by commas"
done

run 1 a.json other-build.json
expect_in err "a.json and other-build.json are different builds: point table digest 1a2b3c4d (commit 0123456789ab) and 99887766 (commit fedcba987654)"
# Read no further than one byte past the limit.
head -c 33554433 /dev/zero | tr '\0' ' ' >big.json
run 1 big.json
expect_in err "big.json: the answer is larger than 32 MiB: not what goat serves"
run 1 reference.json
expect_in err 'reference.json: has no "commit": not a goat /track answer'
run 1 a.json missing.json
expect_in err "missing.json: cannot open: No such file or directory"
expect_in err "a source is a saved /track answer or http://HOST:PORT"
run 1 127.0.0.1:57005
expect_in err "127.0.0.1:57005: cannot open: No such file or directory: for the instance at 127.0.0.1:57005, give http://127.0.0.1:57005"
# A source given twice would count twice.
run 2 a.json b.json a.json
expect_in err "a.json is given twice: its counts would be added twice"
run 2 - - <a.json
expect_in err "(standard input) is given twice"
run 2 http://127.0.0.1:9 http://127.0.0.1:9/track
expect_in err "http://127.0.0.1:9/track is given twice"
run 0 --ignore-unreachable a.json missing.json
expect_in err "warning: ignored (--ignore-unreachable): missing.json: cannot open"
expect_in out "  missing.json  no answer: missing.json: cannot open: No such file or directory"
expect_in out "5 tracking points, 2 ran (40.0%)"
run 1 --ignore-unreachable missing.json
expect_in err "no source answered"

run 2
expect_in err "usage error: no source"
run 2 --format xml a.json
run 2 --since 5x --prometheus http://127.0.0.1:9 a.json
# What PromQL refuses is a usage error, not a server that seems to be no
# Prometheus: an empty range, units out of order, a range past 292 years.
run 2 --since 0s --prometheus http://127.0.0.1:9 a.json
expect_in err "--since must be longer than 0, not '0s'"
run 2 --since 0w0d --prometheus http://127.0.0.1:9 a.json
expect_in err "--since must be longer than 0, not '0w0d'"
run 2 --since 12h1d --prometheus http://127.0.0.1:9 a.json
expect_in err "--since takes a duration such as 1w, 3d, 12h or 1d12h, not '12h1d'"
run 2 --since 20000w --prometheus http://127.0.0.1:9 a.json
expect_in err "--since must be at most 9223372036s"
run 2 --timeout 0 a.json
run 2 --bogus a.json
run 1 ftp://example.com/track
expect_in err "ftp://example.com/track: source: a ftp URL: want http:// or https://"

run 1 --html page.html a.json
expect_in err "not in a git repository"
[ -e page.html ] && fail "--html wrote a page without the code"
run 1 --coverprofile c.out a.json
[ -e c.out ] && fail "--coverprofile wrote a profile without the code"

# An output that names a source, or both outputs one file: a usage error
# before anything is read or written (the check comes before the code is
# looked for, so no repository is needed here), the sources left as they
# were and no file (not even a temporary one) made. Identity counts: ./a.json
# and a hard link are a.json; a file that does not exist yet is compared by
# the directory it would be made in. '-' is standard input for a source but
# no output: standard output carries the report.
ln a.json hard.json
mkdir sub
listing() { ls -a | grep -vx 'out\|err'; }
before=$(listing)
clash() {
    message=$1
    shift
    run 2 "$@"
    expect_in err "$message"
    expect_in err "usage: goat report"
    [ "$(listing)" = "$before" ] || fail "goat report $* changed the directory: $(listing)"
    cmp -s a.json "$answers/a.json" || fail "goat report $* changed a.json"
    cmp -s b.json "$answers/b.json" || fail "goat report $* changed b.json"
}
clash "--html a.json is the source a.json: it would be written over; name another file" --html a.json a.json
clash "--html ./a.json is the source a.json" --html ./a.json a.json
clash "--html sub/../a.json is the source a.json" --html sub/../a.json a.json
clash "--coverprofile hard.json is the source a.json" --coverprofile hard.json b.json a.json
clash "--coverprofile $tmp/b.json is the source b.json" --coverprofile "$tmp/b.json" a.json b.json
clash "--html missing.json is the source missing.json" --ignore-unreachable --html missing.json a.json missing.json
"$GOAT" report --html a.json - <a.json >out 2>err
[ $? -eq 2 ] || fail "--html naming the file on standard input: not a usage error: $(cat err)"
expect_in err "--html a.json is the source - (standard input)"
clash "--coverprofile x.out and --html x.out are the same file: one would replace the other; name another file for one of them" \
    --coverprofile x.out --html x.out a.json
clash "--coverprofile sub/x and --html ./sub/../sub/x are the same file" --coverprofile sub/x --html ./sub/../sub/x a.json
clash "--coverprofile nodir/x and --html ./nodir//x are the same file" --coverprofile nodir/x --html ./nodir//x a.json
clash "--coverprofile a.json and --html hard.json" --coverprofile a.json --html hard.json b.json
clash "--html takes a file, not '-' (standard output carries the report): name a file, such as --html canary.html" \
    --html - a.json
clash "--coverprofile takes a file, not '-'" --coverprofile=- a.json
clash "--coverprofile takes a file, not '-'" --coverprofile - - <a.json
# Other names are no clash (here the error is the missing repository).
run 1 --html x.html --coverprofile x.out a.json
expect_in err "not in a git repository"
run 1 --html x.html - <a.json
expect_in err "not in a git repository"
rm -r hard.json sub

# Colour on a terminal only, and never with NO_COLOR.
if command -v script >/dev/null 2>&1; then
    esc=$(printf '\033')
    script -qec "'$GOAT' report a.json b.json" /dev/null >tty.out 2>&1
    grep -q "$esc\[" tty.out || fail "no colour on a terminal"
    NO_COLOR=1 script -qec "'$GOAT' report a.json b.json" /dev/null >tty.out 2>&1
    grep -q "$esc\[" tty.out && fail "colour with NO_COLOR=1"
    grep -q "5 tracking points" tty.out || fail "no report on a terminal: $(cat tty.out)"
fi
"$GOAT" report a.json b.json 2>/dev/null | grep -q "$(printf '\033')" && fail "colour into a pipe"

if [ "$failures" -ne 0 ]; then
    echo "saved.sh: $failures failure(s)"
    exit 1
fi
echo "saved.sh: all passed"
