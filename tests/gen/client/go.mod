// SPDX-License-Identifier: MIT
module goat.test/genclient

go 1.19
