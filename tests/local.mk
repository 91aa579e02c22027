# Sources and tests of tests are listed here (automake fragment included by Makefile.am).
