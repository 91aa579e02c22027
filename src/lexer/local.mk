# Sources and tests of src/lexer are listed here (automake fragment included by Makefile.am).
