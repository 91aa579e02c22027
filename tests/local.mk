# Tests of the product: goat.yaml unit tests (Criterion) and end-to-end
# scripts that build real git repositories and run goat and Go on them.
if UNIT_TESTS
check_PROGRAMS += tests/unit/test_config
TESTS += tests/unit/test_config
endif
tests_unit_test_config_SOURCES = tests/unit/test_config.c
tests_unit_test_config_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_unit_test_config_LDADD = $(GOAT_LIBS) $(CRITERION_LIBS)
