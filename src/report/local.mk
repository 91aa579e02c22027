# SPDX-License-Identifier: MIT
# goat report: the data model and union (model.c), one file per source kind
# (instance.c, saved.c, prometheus.c, with the /track reader track.c and the
# HTTP client http.c), the code at the commit (code.c), and one file per
# writer (text.c, json.c, profile.c, html.c).
libgoat_a_SOURCES += \
	src/report/report.h src/report/model.c \
	src/report/json_read.h src/report/json_read.c \
	src/report/track.c \
	src/report/http.h src/report/http.c \
	src/report/instance.c src/report/saved.c src/report/prometheus.c \
	src/report/code.c \
	src/report/writer.h src/report/writer.c \
	src/report/text.c src/report/json.c src/report/profile.c src/report/html.c

if UNIT_TESTS
report_unit_tests = tests/unit/test_report_reader tests/unit/test_report_union tests/unit/test_report_writers
check_PROGRAMS += $(report_unit_tests)
TESTS += $(report_unit_tests)
endif
tests_unit_test_report_reader_SOURCES = tests/unit/test_report_reader.c
tests_unit_test_report_reader_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_report_reader_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_report_union_SOURCES = tests/unit/test_report_union.c
tests_unit_test_report_union_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_report_union_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
tests_unit_test_report_writers_SOURCES = tests/unit/test_report_writers.c
tests_unit_test_report_writers_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_report_writers_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)

# Without Go or a repository: saved answers, the gate, the errors, and the
# agreement of --help with the man page.
TESTS += tests/report/saved.sh tests/report/help.sh
EXTRA_DIST += tests/report/saved.sh tests/report/help.sh \
	tests/report/answers/a.json tests/report/answers/b.json tests/report/answers/other-build.json \
	tests/report/answers/reference.json tests/report/answers/union.txt tests/report/answers/union.json

# End to end with real instances, Prometheus and Chromium (skipped without Go).
TESTS += tests/e2e/report.sh tests/e2e/report_prometheus.sh
EXTRA_DIST += tests/e2e/report.sh tests/e2e/report_prometheus.sh tests/e2e/report_lib.sh \
	tests/e2e/reporthelp/go.mod tests/e2e/reporthelp/main.go
