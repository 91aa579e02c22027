# SPDX-License-Identifier: MIT
# Tests of the product: goat.yaml unit tests (Criterion) and end-to-end
# scripts that build real git repositories and run goat and Go on them.
if UNIT_TESTS
check_PROGRAMS += tests/unit/test_config
TESTS += tests/unit/test_config
endif
tests_unit_test_config_SOURCES = tests/unit/test_config.c
tests_unit_test_config_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_config_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_project_txn tests/unit/test_project_plan
TESTS += tests/unit/test_project_txn tests/unit/test_project_plan
tests_unit_test_project_plan_SOURCES = tests/unit/test_project_plan.c tests/unit/scratch.h
tests_unit_test_project_plan_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_project_plan_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
endif
tests_unit_test_project_txn_SOURCES = tests/unit/test_project_txn.c tests/unit/scratch.h tests/fault/fail_write.c
tests_unit_test_project_txn_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_project_txn_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_project_txn_LDFLAGS = $(AM_LDFLAGS) $(FAULT_WRAP)

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_project_threads
TESTS += tests/unit/test_project_threads
endif
tests_unit_test_project_threads_SOURCES = tests/unit/test_project_threads.c tests/unit/scratch.h tests/unit/scratch_git.h
tests_unit_test_project_threads_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_project_threads_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_project_threads_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=pthread_create

# goat with injected write failures (tests/fault/fail_write.c): the tests of
# the roll-back use it; the installed goat has no such hook. It also takes a
# smaller point limit (tests/fault/max_points.c), for the test of the limit
# without millions of points.
FAULT_WRAP = -Wl,--wrap=rename -Wl,--wrap=unlink -Wl,--wrap=link
check_PROGRAMS += tests/fault/goat-fail-write
tests_fault_goat_fail_write_SOURCES = src/cmd/main.c tests/fault/fail_write.c tests/fault/max_points.c
tests_fault_goat_fail_write_LDADD = $(GOAT_LIBS)
tests_fault_goat_fail_write_LDFLAGS = $(AM_LDFLAGS) $(FAULT_WRAP) -Wl,--wrap=goat_gen_max_points

# End-to-end: real git repositories, goat, and the Go toolchain (skipped
# when Go is not installed). lib.sh and the client are shared helpers.
E2E_TESTS = \
	tests/e2e/track.sh \
	tests/e2e/modes.sh \
	tests/e2e/patch.sh \
	tests/e2e/errors.sh \
	tests/e2e/layout.sh \
	tests/e2e/config_edits.sh \
	tests/e2e/clash.sh \
	tests/e2e/first_session.sh \
	tests/e2e/real_module.sh \
	tests/e2e/race.sh \
	tests/e2e/prometheus.sh \
	tests/e2e/funcnames.sh \
	tests/e2e/locations.sh \
	tests/e2e/point_limit.sh \
	tests/e2e/patch_granularity.sh
TESTS += $(E2E_TESTS)
EXTRA_DIST += $(E2E_TESTS) \
	tests/e2e/promql/go.mod \
	tests/e2e/promql/main.go \
	tests/e2e/funcnames/go.mod \
	tests/e2e/funcnames/a_cgo.go \
	tests/e2e/funcnames/b.go \
	tests/e2e/funcnames/c.go \
	tests/e2e/funcnames/e_ignore.go \
	tests/e2e/funcnames/e_windows.go \
	tests/e2e/funcnames/f_gen.go \
	tests/e2e/funcnames/g.go \
	tests/e2e/funcnames/inl.go \
	tests/e2e/funcnames/lib/lib.go \
	tests/e2e/funcnames/rec/rec.go \
	tests/e2e/lib.sh \
	tests/e2e/client/go.mod \
	tests/e2e/client/main.go

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_project_reads
TESTS += tests/unit/test_project_reads
endif
tests_unit_test_project_reads_SOURCES = tests/unit/test_project_reads.c tests/unit/scratch.h tests/unit/scratch_git.h
tests_unit_test_project_reads_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_project_reads_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
# reads counted: goat_read_file, goat_read_file_if_exists and goat_read_file_head wrapped
tests_unit_test_project_reads_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=goat_read_file -Wl,--wrap=goat_read_file_if_exists \
	-Wl,--wrap=goat_read_file_head

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_project_pkgnames
TESTS += tests/unit/test_project_pkgnames
endif
tests_unit_test_project_pkgnames_SOURCES = tests/unit/test_project_pkgnames.c tests/unit/scratch.h
tests_unit_test_project_pkgnames_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_project_pkgnames_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_project_mains
TESTS += tests/unit/test_project_mains
endif
tests_unit_test_project_mains_SOURCES = tests/unit/test_project_mains.c tests/unit/scratch.h
tests_unit_test_project_mains_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_project_mains_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
# readdir wrapped: a test hides d_type, as some file systems do
tests_unit_test_project_mains_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=readdir
