# SPDX-License-Identifier: MIT
libgoat_a_SOURCES += \
	src/util/advice.c src/util/advice.h \
	src/util/arena.c src/util/arena.h \
	src/util/error.c src/util/error.h \
	src/util/file.c src/util/file.h \
	src/util/lines.c src/util/lines.h \
	src/util/lineset.c src/util/lineset.h \
	src/util/memfind.h \
	src/util/path.c src/util/path.h \
	src/util/samefile.c src/util/samefile.h \
	src/util/sort.h \
	src/util/strbuf.c src/util/strbuf.h \
	src/util/utf8.c src/util/utf8.h \
	src/util/xalloc.c src/util/xalloc.h

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_util_path tests/unit/test_util_lineset tests/unit/test_util_strbuf \
	tests/unit/test_util_samefile tests/unit/test_util_utf8
TESTS += tests/unit/test_util_path tests/unit/test_util_lineset tests/unit/test_util_strbuf \
	tests/unit/test_util_samefile tests/unit/test_util_utf8
endif
tests_unit_test_util_path_SOURCES = tests/unit/test_util_path.c
tests_unit_test_util_path_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_util_path_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_util_lineset_SOURCES = tests/unit/test_util_lineset.c
tests_unit_test_util_lineset_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_util_lineset_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_util_strbuf_SOURCES = tests/unit/test_util_strbuf.c
tests_unit_test_util_strbuf_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_util_strbuf_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_util_samefile_SOURCES = tests/unit/test_util_samefile.c tests/unit/scratch.h
tests_unit_test_util_samefile_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_util_samefile_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_util_utf8_SOURCES = tests/unit/test_util_utf8.c
tests_unit_test_util_utf8_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_util_utf8_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
