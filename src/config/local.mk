# Sources and tests of src/config are listed here (automake fragment included by Makefile.am).
