// SPDX-License-Identifier: MIT
module goate2epromql

go 1.19
