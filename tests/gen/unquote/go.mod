// SPDX-License-Identifier: MIT
module goat.test/genunquote

go 1.19
