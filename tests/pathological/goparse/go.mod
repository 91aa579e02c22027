// SPDX-License-Identifier: MIT
module goat.test/goparse

go 1.19
