# SPDX-License-Identifier: MIT
# Sources and tests of src/lexer are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += \
	src/lexer/token.c src/lexer/token.h \
	src/lexer/lexer.c src/lexer/lexer.h \
	src/lexer/unicode.h src/lexer/unicode_tables.c

# unicode_tables.c is generated from Go's unicode/tables.go by this script
# (run by hand when Go's Unicode version changes).
EXTRA_DIST += src/lexer/gen_unicode_tables.py

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_lexer
TESTS += tests/unit/test_lexer
tests_unit_test_lexer_SOURCES = tests/unit/test_lexer.c
tests_unit_test_lexer_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_lexer_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
endif

# A token dump for the differential test against go/scanner.
check_PROGRAMS += tests/lexer/lexdump
tests_lexer_lexdump_SOURCES = tests/lexer/lexdump.c
tests_lexer_lexdump_LDADD = $(GOAT_LIBS)
TESTS += tests/lexer/scanner_diff.sh
EXTRA_DIST += tests/lexer/scanner_diff.sh tests/lexer/scandump.go
