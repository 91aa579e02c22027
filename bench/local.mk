# SPDX-License-Identifier: MIT
# `make bench` runs every bench/*.sh script in name order. Each prints its own
# figures; none of them is a pass/fail test.
EXTRA_DIST += $(wildcard $(srcdir)/bench/*.sh)

# goat with the phases of a run timed (bench/timed.c, linked in with the
# linker's --wrap; bench/track.sh prints the split). Built with the test
# programs so that a change to a wrapped function's signature shows in CI;
# never installed.
check_PROGRAMS += bench/goat-timed
bench_goat_timed_SOURCES = src/cmd/main.c bench/timed.c
bench_goat_timed_LDADD = $(GOAT_LIBS)
bench_goat_timed_LDFLAGS = $(AM_LDFLAGS) \
	-Wl,--wrap=goat_changes_compute -Wl,--wrap=goat_mains_find \
	-Wl,--wrap=goat_plan_text -Wl,--wrap=goat_parse_file \
	-Wl,--wrap=goat_plan_validate -Wl,--wrap=goat_plan_commit

# The I/O floor bench/track.sh compares goat with.
check_PROGRAMS += bench/iofloor
bench_iofloor_SOURCES = bench/iofloor.c

# Times a command to the microsecond (GNU time prints hundredths).
check_PROGRAMS += bench/clock
bench_clock_SOURCES = bench/clock.c

# goat's start-up (its libraries loaded, libgit2 initialised), which
# bench/track.sh prints beside the floor.
check_PROGRAMS += bench/startup
bench_startup_SOURCES = bench/startup.c
bench_startup_LDADD = $(GOAT_LIBS)
# every library goat links against, though this program calls only libgit2
bench_startup_LDFLAGS = $(AM_LDFLAGS) -Wl,--no-as-needed

bench: all bench/goat-timed bench/iofloor bench/clock bench/startup
	@set -e; for script in $(srcdir)/bench/*.sh; do \
	  [ -f "$$script" ] || continue; \
	  echo "== $$script"; \
	  GOAT='$(abs_top_builddir)/goat' GOAT_TIMED='$(abs_top_builddir)/bench/goat-timed' \
	  IOFLOOR='$(abs_top_builddir)/bench/iofloor' CLOCK='$(abs_top_builddir)/bench/clock' \
	  STARTUP='$(abs_top_builddir)/bench/startup' \
	  top_srcdir='$(abs_top_srcdir)' \
	  top_builddir='$(abs_top_builddir)' GOROOT_SRC='$(GOROOT_SRC)' GO='$(GO)' GOAT_PGO='$(GOAT_PGO)' \
	  sh "$$script"; \
	done
.PHONY: bench
