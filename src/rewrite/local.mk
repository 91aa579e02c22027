# Sources and tests of src/rewrite are listed here (automake fragment included by Makefile.am).
