# Sources and tests of fuzz are listed here (automake fragment included by Makefile.am).
