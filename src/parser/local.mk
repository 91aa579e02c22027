# Sources and tests of src/parser are listed here (automake fragment included by Makefile.am).
