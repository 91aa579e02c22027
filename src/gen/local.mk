# Sources and tests of src/gen are listed here (automake fragment included by Makefile.am).
libgoat_a_SOURCES += src/gen/gen.h
