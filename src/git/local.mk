# SPDX-License-Identifier: MIT
# Sources and tests of src/git are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += \
	src/git/blame.c src/git/blame.h \
	src/git/changes.c src/git/changes.h \
	src/git/fetch.c src/git/fetch.h \
	src/git/filter.c src/git/filter.h src/git/filter_internal.h \
	src/git/gohead.c \
	src/git/ids.c src/git/ids.h \
	src/git/range.c src/git/range.h \
	src/git/reach.c src/git/reach.h \
	src/git/refs.c src/git/refs.h \
	src/git/repo.c src/git/repo.h \
	src/git/walk.c \
	src/git/work.c src/git/work.h

# A test-only driver printing the analysis of a repository.
check_PROGRAMS += tests/git/changes_dump
tests_git_changes_dump_SOURCES = tests/git/changes_dump.c
tests_git_changes_dump_LDADD = $(GOAT_LIBS)

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_git_filter
tests_unit_test_git_filter_SOURCES = tests/unit/test_git_filter.c
tests_unit_test_git_filter_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_git_filter_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
TESTS += tests/unit/test_git_filter
endif

# Real repositories built with the git CLI (skipped without it).
git_test_scripts_list = tests/git/diff.sh tests/git/blame.sh tests/git/filter.sh tests/git/errors.sh \
	tests/git/random.sh tests/git/shallow.sh tests/git/fetch_advice.sh
TESTS += $(git_test_scripts_list)
EXTRA_DIST += $(git_test_scripts_list) tests/git/lib.sh

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_git_reach
tests_unit_test_git_reach_SOURCES = tests/unit/test_git_reach.c
tests_unit_test_git_reach_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_git_reach_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
TESTS += tests/unit/test_git_reach
endif
