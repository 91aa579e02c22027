// SPDX-License-Identifier: MIT

package main

import "C"

import "example.com/names/rec"

// A file importing "C" is compiled after the others: this init is the
// last one, and this literal the last of the package counter.
var Cgo = func() {
	rec.R(0)
}

func init() {
	rec.R(0)
	Cgo()
}
