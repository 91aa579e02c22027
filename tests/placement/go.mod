// SPDX-License-Identifier: MIT
module placecheck

go 1.19
