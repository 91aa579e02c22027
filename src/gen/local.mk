# SPDX-License-Identifier: MIT
# Sources and tests of src/gen are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += \
	src/gen/gen.c src/gen/gen.h src/gen/internal.h \
	src/gen/values.c src/gen/digest.c src/gen/settings.c \
	src/gen/limits.h src/gen/limits.c

# The Go template is real Go (src/gen/template/, with its module and tests);
# the build embeds it as a C array with a POSIX shell script, so building goat
# needs no Go.
GEN_TEMPLATE_GO = src/gen/template/template.go
nodist_libgoat_a_SOURCES = src/gen/template_go.c
src/gen/template_go.c: $(srcdir)/$(GEN_TEMPLATE_GO) $(srcdir)/src/gen/embed.sh
	$(AM_V_GEN)$(MKDIR_P) src/gen && \
	$(SHELL) $(srcdir)/src/gen/embed.sh goat_gen_template $(srcdir)/$(GEN_TEMPLATE_GO) >$@-t && mv -f $@-t $@
CLEANFILES += src/gen/template_go.c
EXTRA_DIST += src/gen/embed.sh $(GEN_TEMPLATE_GO) src/gen/template/template_test.go src/gen/template/go.mod

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

TESTS += tests/gen/serve.sh tests/gen/runtime.sh tests/gen/escape.sh
EXTRA_DIST += tests/gen/serve.sh tests/gen/runtime.sh tests/gen/client/main.go tests/gen/client/go.mod \
	tests/gen/escape.sh tests/gen/unquote/main.go tests/gen/unquote/go.mod
# The Go tests keep Go's build cache here between runs (shared with other
# Go-using tests); removed by make clean so that distcheck's distclean leaves
# nothing.
CLEANFILES += -r .gocache
