# SPDX-License-Identifier: MIT
# Robustness (issue 6): libFuzzer harnesses, their replay in `make check`,
# `make fuzz-smoke`, `make check-valgrind` and the pathological-input tests.
#
# The harnesses are check programs in every build. With --enable-fuzzing
# (clang) they link libFuzzer's main and are fuzzers; otherwise they link
# fuzz/standalone.c and replay the files named on their command line, which
# is how tests/regressions/replay.sh runs the seed corpora and every input a
# fuzzer ever crashed on, under whatever build (plain, sanitizers, valgrind).

FUZZ_HARNESSES = fuzz/fuzz_parse fuzz/fuzz_roundtrip fuzz/fuzz_markers fuzz/fuzz_track
check_PROGRAMS += $(FUZZ_HARNESSES)

fuzz_fuzz_parse_SOURCES = fuzz/fuzz_parse.c fuzz/fuzz.h
fuzz_fuzz_parse_LDADD = $(GOAT_LIBS)
fuzz_fuzz_roundtrip_SOURCES = fuzz/fuzz_roundtrip.c fuzz/fuzz.h
fuzz_fuzz_roundtrip_LDADD = $(GOAT_LIBS)
fuzz_fuzz_markers_SOURCES = fuzz/fuzz_markers.c fuzz/fuzz.h
fuzz_fuzz_markers_LDADD = $(GOAT_LIBS)
fuzz_fuzz_track_SOURCES = fuzz/fuzz_track.c fuzz/fuzz.h
fuzz_fuzz_track_LDADD = $(GOAT_LIBS)

if FUZZING
fuzz_fuzz_parse_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
fuzz_fuzz_roundtrip_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
fuzz_fuzz_markers_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
fuzz_fuzz_track_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
else
fuzz_fuzz_parse_SOURCES += fuzz/standalone.c
fuzz_fuzz_roundtrip_SOURCES += fuzz/standalone.c
fuzz_fuzz_markers_SOURCES += fuzz/standalone.c
fuzz_fuzz_track_SOURCES += fuzz/standalone.c
endif

# The pathological-input generator (tests/pathological/*.sh call it).
check_PROGRAMS += tests/pathological/genpath
tests_pathological_genpath_SOURCES = tests/pathological/genpath.c

TESTS += \
	tests/regressions/replay.sh \
	tests/pathological/nesting.sh \
	tests/pathological/bigfile.sh \
	tests/pathological/bigfile-rewrite.sh \
	tests/pathological/bytes.sh \
	tests/pathological/lexical.sh \
	tests/pathological/scopes.sh \
	tests/pathological/points.sh
# Bugs the fuzzers found and not fixed yet go to tests/regressions/open/
# <harness>/ (see tests/regressions/README), and replay-open.sh goes into
# TESTS and XFAIL_TESTS while any is there. None is open now: with open/
# empty it would pass, an XPASS, and fail the suite.

# Data directories are listed file by file: a directory in EXTRA_DIST would
# also carry the test logs `make check` leaves in the build tree's copy.
EXTRA_DIST += \
	fuzz/README.md fuzz/go.dict fuzz/json.dict fuzz/smoke.sh \
	$(wildcard $(srcdir)/fuzz/corpus/*/*) \
	tests/regressions/README tests/regressions/replay.sh tests/regressions/replay-open.sh \
	$(wildcard $(srcdir)/tests/regressions/fuzz_*/*) \
	$(wildcard $(srcdir)/tests/regressions/open/fuzz_*/*) \
	tests/pathological/lib.sh tests/pathological/nesting.sh \
	tests/pathological/bigfile.sh tests/pathological/bigfile-rewrite.sh \
	tests/pathological/bytes.sh \
	tests/pathological/lexical.sh tests/pathological/scopes.sh \
	tests/pathological/points.sh \
	tests/pathological/goparse/main.go tests/pathological/goparse/go.mod \
	tests/subbuild.sh tests/ci-sanitizers.sh \
	tests/valgrind/vg.sh tests/valgrind/sampled.sh tests/valgrind/goat.sh tests/valgrind/goat-fail-write.sh tests/valgrind/run-test.sh \
	tests/valgrind/summary.sh tests/valgrind/goat.supp

# `make fuzz-smoke [FUZZ_SECONDS=N]`: every harness for N seconds (default
# 30) from its seed corpus with the Go dictionary; a crash, leak, timeout or
# broken property fails. From a build that is not a fuzzing build it sets up
# (once) a clang --enable-fuzzing build in fuzz-build/ and runs it there.
FUZZ_SECONDS = 30
if FUZZING
fuzz-smoke: $(FUZZ_HARNESSES)
	@FUZZ_SECONDS='$(FUZZ_SECONDS)' $(SHELL) '$(abs_top_srcdir)/fuzz/smoke.sh' \
	  '$(abs_top_srcdir)' '$(abs_top_builddir)/fuzz-work' $(FUZZ_HARNESSES)
else
fuzz-smoke:
	@dir=`$(SHELL) '$(abs_top_srcdir)/tests/subbuild.sh' '$(abs_top_srcdir)' \
	  '$(abs_top_builddir)/fuzz-build' CC=clang --enable-fuzzing --disable-unit-tests` && \
	  cd "$$dir" && $(MAKE) $(AM_MAKEFLAGS) fuzz-smoke FUZZ_SECONDS='$(FUZZ_SECONDS)'
endif

# `make check-valgrind`: the test suite with the goat binary, the Criterion
# programs and the harness replays under valgrind (memcheck, definite leaks
# are errors), on a sample of the corpus (every VALGRIND_CORPUS_SAMPLE-th
# file, default 50) and a VALGRIND_BIG_MB MiB large file (default 5); both
# can be set on make's command line. Needs a build without sanitizers.
VALGRIND_CORPUS_SAMPLE = 50
VALGRIND_BIG_MB = 5
# CI's sample also sets VALGRIND_EVERY=N (about one process of each test in N
# under valgrind, the others run as they are; the Criterion programs all run) and VALGRIND_ORIGINS=no
# (no origin tracking for uninitialised values: the same errors found, with
# less said about them). The defaults check every process, with origins.
VALGRIND_EVERY = 1
VALGRIND_ORIGINS = yes
check-valgrind:
	@if test -n '$(GOAT_SAN_CFLAGS)'; then \
	  echo 'check-valgrind: this build has sanitizers; use a plain build' >&2; exit 1; fi
	@command -v valgrind >/dev/null || { echo 'check-valgrind: valgrind not found (apt-get install valgrind)' >&2; exit 1; }
	@rm -rf '$(abs_top_builddir)/valgrind-logs' '$(abs_top_builddir)/valgrind-logs.count' \
	  '$(abs_top_builddir)/valgrind-logs.skipped' && mkdir -p '$(abs_top_builddir)/valgrind-logs'
	$(MAKE) $(AM_MAKEFLAGS) check \
	  LOG_COMPILER='$(abs_top_srcdir)/tests/valgrind/run-test.sh' \
	  TESTS_ENVIRONMENT='GOAT_VALGRIND_LOGS=$(abs_top_builddir)/valgrind-logs; export GOAT_VALGRIND_LOGS; \
	    GOAT_VALGRIND_SUPP=$(abs_top_srcdir)/tests/valgrind/goat.supp; export GOAT_VALGRIND_SUPP; \
	    GOAT_VALGRIND_EVERY=$(VALGRIND_EVERY); export GOAT_VALGRIND_EVERY; \
	    GOAT_VALGRIND_ORIGINS=$(VALGRIND_ORIGINS); export GOAT_VALGRIND_ORIGINS; \
	    GOAT_REAL=$(abs_top_builddir)/goat; export GOAT_REAL; \
	    GOAT=$(abs_top_srcdir)/tests/valgrind/goat.sh; export GOAT; \
	    GOAT_FAULTY_REAL=$(abs_top_builddir)/tests/fault/goat-fail-write; export GOAT_FAULTY_REAL; \
	    GOAT_FAULTY=$(abs_top_srcdir)/tests/valgrind/goat-fail-write.sh; export GOAT_FAULTY; \
	    FUZZ_WRAPPER=$(abs_top_srcdir)/tests/valgrind/sampled.sh; export FUZZ_WRAPPER; \
	    GOAT_BIG_MB=$(VALGRIND_BIG_MB); export GOAT_BIG_MB; \
	    GOAT_CORPUS_SAMPLE=$(VALGRIND_CORPUS_SAMPLE); export GOAT_CORPUS_SAMPLE;'
	@$(SHELL) '$(abs_top_srcdir)/tests/valgrind/summary.sh' '$(abs_top_builddir)/valgrind-logs'

CLEANFILES += -r fuzz-work valgrind-logs valgrind-logs.count valgrind-logs.skipped
.PHONY: fuzz-smoke check-valgrind
