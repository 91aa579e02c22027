# Sources and tests of src/rewrite are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += \
	src/rewrite/rewrite.h \
	src/rewrite/splice.h src/rewrite/splice.c \
	src/rewrite/markers.h src/rewrite/markers.c

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_rewrite_splice tests/unit/test_rewrite_markers
TESTS += tests/unit/test_rewrite_splice tests/unit/test_rewrite_markers
endif
tests_unit_test_rewrite_splice_SOURCES = tests/unit/test_rewrite_splice.c
tests_unit_test_rewrite_splice_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_splice_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_rewrite_markers_SOURCES = tests/unit/test_rewrite_markers.c
tests_unit_test_rewrite_markers_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_rewrite_markers_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
