#include <criterion/criterion.h>
Test(lexer, placeholder_build) { cr_assert(1); }
