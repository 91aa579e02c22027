# SPDX-License-Identifier: MIT
# Sources and tests of src/gen are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += \
	src/gen/gen.c src/gen/gen.h \
	src/gen/template.c src/gen/template.h

# The test driver renders a package from command-line values for tests/gen/*.sh.
check_PROGRAMS += tests/gen/gen_render
tests_gen_gen_render_SOURCES = tests/gen/gen_render.c
tests_gen_gen_render_LDADD = $(GOAT_LIBS)

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_gen
tests_unit_test_gen_SOURCES = tests/unit/test_gen.c
tests_unit_test_gen_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_gen_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
TESTS += tests/unit/test_gen
endif

TESTS += tests/gen/serve.sh
EXTRA_DIST += tests/gen/serve.sh tests/gen/client/main.go tests/gen/client/go.mod
# serve.sh keeps Go's build cache here between runs (shared with other Go-using
# tests); removed by make clean so that distcheck's distclean leaves nothing.
CLEANFILES += -r .gocache
