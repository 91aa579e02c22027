# SPDX-License-Identifier: MIT
libgoat_a_SOURCES += \
	src/cmd/command.h src/cmd/commands.c \
	src/cmd/options.h src/cmd/options.c \
	src/cmd/project_command.c src/cmd/project_command.h \
	src/cmd/cmd_ast.c \
	src/cmd/cmd_clean.c \
	src/cmd/cmd_help.c \
	src/cmd/cmd_init.c \
	src/cmd/cmd_patch.c \
	src/cmd/cmd_report.c \
	src/cmd/cmd_rewrite.c \
	src/cmd/cmd_track.c \
	src/cmd/cmd_version.c

if UNIT_TESTS
check_PROGRAMS += tests/unit/test_cmd_options
TESTS += tests/unit/test_cmd_options
endif
tests_unit_test_cmd_options_SOURCES = tests/unit/test_cmd_options.c
tests_unit_test_cmd_options_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_cmd_options_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
