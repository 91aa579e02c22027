# SPDX-License-Identifier: MIT
# Tests of what a distribution ships: the version, help and man page in
# agreement, shell completion; and check-package, which builds the tarball
# as a distribution would.
RELEASE_TESTS = \
	tests/release/version.sh \
	tests/release/help_man.sh \
	tests/release/completion.sh \
	tests/release/licensing.sh \
	tests/release/demo.sh \
	tests/release/pgo.sh
TESTS += $(RELEASE_TESTS)
EXTRA_DIST += $(RELEASE_TESTS) \
	tests/release/lib.sh \
	tests/release/completion-lib.sh \
	tests/release/zsh-complete.zsh \
	tests/release/unit-tests-skipped.sh \
	tests/release/package.sh \
	tests/release/nothing-to-rebuild.sh \
	tests/release/reproducible.sh \
	tests/release/distcheck.sh \
	tests/release/pkgconfig-without-criterion.sh \
	tests/release/unit-tests-were-skipped.sh \
	tests/release/installed-files

if !UNIT_TESTS
TESTS += tests/release/unit-tests-skipped.sh
endif

# The tarball built, tested and installed as a distribution would, without
# Criterion (part of check-all; takes as long as make check).
check-package: dist-gzip
	$(SHELL) $(srcdir)/tests/release/package.sh $(distdir).tar.gz '$(abs_top_builddir)/build-package' '$(srcdir)'
.PHONY: check-package
CLEANFILES += -r build-package check-install pkgconfig-without-criterion distcheck.log distcheck.status
