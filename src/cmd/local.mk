# SPDX-License-Identifier: MIT
libgoat_a_SOURCES += \
	src/cmd/command.h src/cmd/commands.c \
	src/cmd/project_command.c src/cmd/project_command.h \
	src/cmd/cmd_ast.c \
	src/cmd/cmd_clean.c \
	src/cmd/cmd_help.c \
	src/cmd/cmd_init.c \
	src/cmd/cmd_patch.c \
	src/cmd/cmd_rewrite.c \
	src/cmd/cmd_track.c \
	src/cmd/cmd_version.c
