// SPDX-License-Identifier: MIT
module goast

go 1.19
