#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays the inputs of bugs the fuzzers found that are not fixed yet
# (tests/regressions/open/<harness>/, each named after the bug; every one of
# them fails its harness in every build). This test is in XFAIL_TESTS: once
# the last of them is fixed it passes, the suite reports XPASS and fails, and
# whoever fixed them moves the files up to tests/regressions/<harness>/ (so
# that replay.sh keeps them fixed) and takes the test out of XFAIL_TESTS.
: "${top_srcdir:?}"
REPLAY_OPEN=1 exec sh "$top_srcdir/tests/regressions/replay.sh"
