#!/bin/sh
# SPDX-License-Identifier: MIT
# The profile-guided build (pgo/local.mk): the training gives the same
# profile every time it runs, so that two builds of one source make the same
# goat (a distribution's reproducible build); the goat under test was
# compiled with the profile of that training; and a failing training stops
# the build with a message naming what failed.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

if [ "${GOAT_PGO:-no}" != yes ]; then
  echo "SKIP: this build is not profile-guided (configure says why under 'profile-guided')"
  exit 77
fi
train=$top_builddir/pgo/goat-train
[ -x "$train" ] || { echo "FAIL: $train is missing: the profile-guided build did not make it"; exit 1; }

# Two trainings, each writing its profiles under its own GCOV_PREFIX, as two
# builders would run them: with temporary directories of different lengths
# (TMPDIR), from different directories, in different locales.
mkdir -p "$tmp/t" "$tmp/a-much-longer-temporary-directory/for-the-second-training"
GCOV_PREFIX=$tmp/run1 TMPDIR=$tmp/t LC_ALL=C sh "$top_srcdir/pgo/train.sh" "$train" "$top_srcdir" ||
  fail "training run 1 failed"
(cd "$tmp/t" && GCOV_PREFIX=$tmp/run2 TMPDIR=$tmp/a-much-longer-temporary-directory/for-the-second-training \
  LC_ALL=C.UTF-8 sh "$top_srcdir/pgo/train.sh" "$train" "$top_srcdir") ||
  fail "training run 2 failed"
(cd "$tmp/run1" && find . -name '*.gcda' | LC_ALL=C sort) > "$tmp/profiles"
[ -s "$tmp/profiles" ] || fail "the training wrote no profile under $tmp/run1"
if ! diff -r "$tmp/run1" "$tmp/run2" > "$tmp/diff"; then
  fail "two trainings of one goat-train wrote different profiles; a build would not be reproducible:"
  cat "$tmp/diff"
fi

# The build's own profiles are the training's: map each profile under run1
# (the instrumented object's absolute directory, then X.gcda) to X.gcda in
# the build. The lexer's profile says where the build directory starts.
lexer_profile=$(grep '/src/lexer/lexer\.gcda$' "$tmp/profiles")
[ -n "$lexer_profile" ] || { fail "no profile of src/lexer/lexer.o among the training's"; finish "profile-guided build checks"; }
prefix=${lexer_profile%src/lexer/lexer.gcda}
compared=0
while read -r profile; do
  built=$top_builddir/${profile#"$prefix"}
  if ! cmp -s "$tmp/run1/$profile" "$built"; then
    fail "$built is not the profile the training writes; make did not retrain after a change?"
  fi
  compared=$((compared + 1))
done < "$tmp/profiles"
echo "compared $compared profiles with a fresh training's"

# The objects were compiled with -fprofile-use (GCC records its options in
# the debug information, when there is any).
for object in src/lexer/lexer.o src/parser/parse_expr.o; do
  producer=$(readelf --debug-dump=info "$top_builddir/$object" 2>/dev/null | grep -m1 DW_AT_producer)
  if [ -z "$producer" ]; then
    echo "note: $object has no DW_AT_producer (built without -g?); its options are not checked"
  else
    case $producer in
      *-fprofile-use*) ;;
      *) fail "$object was compiled without -fprofile-use: $producer" ;;
    esac
  fi
done

# A goat that fails during the training stops the build, naming the step.
cat > "$tmp/crashing-goat" <<'CRASH'
#!/bin/sh
kill -SEGV $$
CRASH
chmod +x "$tmp/crashing-goat"
if sh "$top_srcdir/pgo/train.sh" "$tmp/crashing-goat" "$top_srcdir" > "$tmp/out" 2>&1; then
  fail "the training passed with a goat that crashes"
elif ! grep -q "failed (exit 139) while parsing the test cases" "$tmp/out"; then
  fail "the training's message does not name the failed step:"
  cat "$tmp/out"
fi
finish "profile-guided build checks"
