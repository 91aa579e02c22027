# Sources and tests of src/git are listed here (automake fragment included by Makefile.am).
