# SPDX-License-Identifier: MIT
# Sources and tests of src/rewrite are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += \
	src/rewrite/rewrite.h src/rewrite/rewrite.c \
	src/rewrite/splice.h src/rewrite/splice.c \
	src/rewrite/markers.h src/rewrite/markers.c \
	src/rewrite/place.h src/rewrite/place.c \
	src/rewrite/imports.h src/rewrite/imports.c \
	src/rewrite/align.h src/rewrite/align.c \
	src/rewrite/funcname.h src/rewrite/funcname.c \
	src/rewrite/attribute.h src/rewrite/attribute.c \
	src/rewrite/clash.h src/rewrite/clash.c

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_rewrite_splice tests/unit/test_rewrite_markers tests/unit/test_rewrite_api \
	tests/unit/test_rewrite_points tests/unit/test_rewrite_clash tests/unit/test_rewrite_known_bodies \
	tests/unit/test_rewrite_place
TESTS += tests/unit/test_rewrite_splice tests/unit/test_rewrite_markers tests/unit/test_rewrite_api \
	tests/unit/test_rewrite_points tests/unit/test_rewrite_clash tests/unit/test_rewrite_known_bodies \
	tests/unit/test_rewrite_place
endif
tests_unit_test_rewrite_splice_SOURCES = tests/unit/test_rewrite_splice.c
tests_unit_test_rewrite_splice_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_splice_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_rewrite_markers_SOURCES = tests/unit/test_rewrite_markers.c
tests_unit_test_rewrite_markers_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_markers_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_rewrite_api_SOURCES = tests/unit/test_rewrite_api.c
tests_unit_test_rewrite_api_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_api_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_rewrite_clash_SOURCES = tests/unit/test_rewrite_clash.c
tests_unit_test_rewrite_clash_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_clash_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_rewrite_known_bodies_SOURCES = tests/unit/test_rewrite_known_bodies.c
tests_unit_test_rewrite_known_bodies_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_known_bodies_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_rewrite_points_SOURCES = tests/unit/test_rewrite_points.c
tests_unit_test_rewrite_points_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_points_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_rewrite_place_SOURCES = tests/unit/test_rewrite_place.c
tests_unit_test_rewrite_place_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_place_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
# The point table: track and patch give the same one over the standard library.
TESTS += tests/rewrite/points_corpus.sh
EXTRA_DIST += tests/rewrite/points_corpus.sh

# tests/placement is the go/ast side of the placement property test
# (built by property.sh into the build tree, like tests/goast).
REWRITE_TESTS = tests/rewrite/cases.sh tests/rewrite/corpus.sh tests/placement/property.sh
TESTS += $(REWRITE_TESTS)
EXTRA_DIST += $(REWRITE_TESTS) tests/cases tests/placement/go.mod tests/placement/main.go \
	$(wildcard $(srcdir)/tests/placement/testdata/known-bad/*.txt) \
	$(wildcard $(srcdir)/tests/placement/testdata/known-bad/*/*.go)
CLEANFILES += tests/placement/placecheck
