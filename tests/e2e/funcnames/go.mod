// SPDX-License-Identifier: MIT

module example.com/names

go 1.19
