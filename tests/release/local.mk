# SPDX-License-Identifier: MIT
# Tests of what a distribution ships: the version, help and man page in
# agreement, shell completion; and check-package, which builds the tarball
# as a distribution would.
RELEASE_TESTS = \
	tests/release/version.sh \
	tests/release/help_man.sh \
	tests/release/completion.sh \
	tests/release/licensing.sh
TESTS += $(RELEASE_TESTS)
EXTRA_DIST += $(RELEASE_TESTS) \
	tests/release/lib.sh \
	tests/release/completion-lib.sh \
	tests/release/zsh-complete.zsh \
	tests/release/unit-tests-skipped.sh

if !UNIT_TESTS
TESTS += tests/release/unit-tests-skipped.sh
endif
