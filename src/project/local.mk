# SPDX-License-Identifier: MIT
# Project-level work: the module and its git repository, transactions
# (all-or-nothing writes), main packages and components, and the
# orchestration of goat track / patch / clean.
libgoat_a_SOURCES += \
	src/project/project.h src/project/project.c \
	src/project/txn.h src/project/txn.c \
	src/project/mains.h src/project/mains.c \
	src/project/plan.h src/project/plan.c \
	src/project/pool.h src/project/pool.c \
	src/project/pkgnames.h src/project/pkgnames.c \
	src/project/goat_package.h src/project/goat_package.c \
	src/project/run.h src/project/run.c
