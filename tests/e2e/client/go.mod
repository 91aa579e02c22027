// SPDX-License-Identifier: MIT
module goate2eclient

go 1.19
