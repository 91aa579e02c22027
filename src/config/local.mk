# SPDX-License-Identifier: MIT
# goat.yaml: parsing, defaults, validation (libyaml) and the text `goat init` writes.
libgoat_a_SOURCES += \
	src/config/config.h src/config/config.c \
	src/config/render.c
