// SPDX-License-Identifier: MIT
module example.com/reporthelp

go 1.19
