# SPDX-License-Identifier: MIT
# Profile-guided optimization (configure's --enable-pgo, on by default where
# it works). The library's and goat's objects are compiled a second time,
# instrumented, under pgo/obj/; that goat (pgo/goat-train) runs
# pgo/train.sh; GCC then compiles each object X.o with the profile X.gcda.
#
# The instrumented X.o is compiled with X's dump names (-dumpdir, -dumpbase),
# as if it were X.o: GCC names a static function's profile after them, and a
# profile from differently named objects would not match. The same names
# make the training write X.gcda where -fprofile-use looks for it.
#
# A profile the training left unchanged keeps its old file and date, so that
# an edit recompiles only the objects whose profile it changed. The profiles
# are not targets of the training's rule: their old dates would then make
# make think them out of date after every build (make -q would say so, and
# make -n list every object). The training runs first instead, in a make of
# its own (pgo-train, in BUILT_SOURCES, so before all, check and install),
# and the make that compiles the objects sees the profiles as it left them.
EXTRA_DIST += pgo/train.sh

# Objects without code (only data) get no profile.
GOAT_PGO_NO_CODE = src/gen/template_go.$(OBJEXT)
GOAT_PGO_FOR = $(filter-out $(GOAT_PGO_NO_CODE),$(libgoat_a_OBJECTS) $(goat_OBJECTS))
GOAT_PGO_PROFILES = $(GOAT_PGO_FOR:.$(OBJEXT)=.gcda)
CLEANFILES += $(GOAT_PGO_PROFILES) $(GOAT_PGO_PROFILES:=.prev) pgo/train.stamp pgo/goat-train$(EXEEXT)
clean-local: clean-pgo
clean-pgo:
	-rm -rf pgo/obj
.PHONY: clean-pgo
pgo-train: goat-version.stamp
	@$(MAKE) $(AM_MAKEFLAGS) pgo/train.stamp
.PHONY: pgo-train

if PGO
GOAT_PGO_CFLAGS = $(GOAT_PGO_USE_CFLAGS)
GOAT_PGO_OBJECTS = $(patsubst %,pgo/obj/%,$(libgoat_a_OBJECTS) $(goat_OBJECTS))

# The instrumented objects and program take the generating flags instead.
pgo/obj/%: GOAT_PGO_CFLAGS = $(GOAT_PGO_GEN_CFLAGS)
pgo/goat-train$(EXEEXT): GOAT_PGO_CFLAGS = $(GOAT_PGO_GEN_CFLAGS)

pgo/obj/%.$(OBJEXT): %.c
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(COMPILE) -MD -MP -MF pgo/obj/$*.d -dumpdir $(dir $*) -dumpbase $(notdir $*) -c -o $@ $<
pgo/obj/src/cmd/cmd_version.$(OBJEXT): goat-version.h
-include $(GOAT_PGO_OBJECTS:.$(OBJEXT)=.d)

pgo/goat-train$(EXEEXT): $(GOAT_PGO_OBJECTS)
	$(AM_V_CCLD)$(CCLD) $(AM_CFLAGS) $(CFLAGS) $(AM_LDFLAGS) $(LDFLAGS) -o $@ $(GOAT_PGO_OBJECTS) \
	  $(filter-out libgoat.a,$(GOAT_LIBS)) $(LIBS)

BUILT_SOURCES += pgo-train
pgo/train.stamp: pgo/goat-train$(EXEEXT) $(srcdir)/pgo/train.sh
	$(AM_V_GEN)for p in $(GOAT_PGO_PROFILES); do \
	  if [ -f $$p ]; then mv -f $$p $$p.prev; else rm -f $$p.prev; fi; \
	done; \
	$(SHELL) $(srcdir)/pgo/train.sh pgo/goat-train$(EXEEXT) $(srcdir) || exit 1; \
	for p in $(GOAT_PGO_PROFILES); do \
	  if [ ! -f $$p ]; then \
	    echo "$$p: the training run left no profile for this object; an object without code goes in GOAT_PGO_NO_CODE (pgo/local.mk)" >&2; exit 1; \
	  elif [ -f $$p.prev ] && cmp -s $$p $$p.prev; then mv -f $$p.prev $$p; \
	  else rm -f $$p.prev; fi; \
	done; \
	touch $@

# Builds of single objects (make src/lexer/lexer.o), which BUILT_SOURCES
# misses, train first when a profile is missing; a profile older than the
# training's sources is seen at the next make.
$(GOAT_PGO_PROFILES): | pgo/train.stamp

$(GOAT_PGO_FOR): %.$(OBJEXT): %.gcda
endif
