# Sources and tests of src/git are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += \
	src/git/changes.c src/git/changes.h \
	src/git/filter.c src/git/filter.h src/git/filter_internal.h \
	src/git/gohead.c \
	src/git/reach.c src/git/reach.h \
	src/git/repo.c src/git/repo.h \
	src/git/walk.c \
	src/git/work.c src/git/work.h

# A test-only driver printing the analysis of a repository.
check_PROGRAMS += tests/git/changes_dump
tests_git_changes_dump_SOURCES = tests/git/changes_dump.c
tests_git_changes_dump_LDADD = $(GOAT_LIBS)
