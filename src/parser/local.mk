# SPDX-License-Identifier: MIT
# The Go parser: source text to a go/ast-shaped tree in an arena.
libgoat_a_SOURCES += \
	src/parser/ast.h src/parser/parser.h src/parser/parser_internal.h \
	src/parser/ast.c src/parser/ast_pos.h src/parser/ast_pos.c \
	src/parser/parser_core.c \
	src/parser/parse_expr.c src/parser/parse_type.c \
	src/parser/parse_stmt.c src/parser/parse_decl.c \
	src/parser/resolve_depth.h src/parser/resolve_depth.c

# Differential tests against go/parser (tests/goast is the Go reference
# dumper, built by the scripts into tests/goast/goast with the build cache
# .gocache, which tests/gen shares; make clean removes both).
PARSER_TESTS = \
	tests/parser/cases.sh \
	tests/parser/deep_nesting.sh \
	tests/parser/mutations_diff.sh \
	tests/parser/stdlib_diff.sh \
	tests/parser/testdir_decisions.sh
TESTS += $(PARSER_TESTS)
EXTRA_DIST += $(PARSER_TESTS) tests/parser/lib.sh tests/parser/cases \
	tests/goast/go.mod tests/goast/main.go
CLEANFILES += tests/goast/goast -r .gocache

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_parser tests/unit/test_parser_known_bodies
TESTS += tests/unit/test_parser tests/unit/test_parser_known_bodies
tests_unit_test_parser_SOURCES = tests/unit/test_parser.c
tests_unit_test_parser_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_parser_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_parser_known_bodies_SOURCES = tests/unit/test_parser_known_bodies.c
tests_unit_test_parser_known_bodies_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_parser_known_bodies_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
endif
