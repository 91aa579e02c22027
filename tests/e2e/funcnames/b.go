// SPDX-License-Identifier: MIT

package main

import "example.com/names/rec"

// A function named _ never runs, but its literals take numbers from the
// package counter: G below is glob..func2.
func _() {
	func() {}()
}

// G is package-level, with a nested literal.
var G = func() {
	rec.R(0)
	func() {
		rec.R(0)
	}()
}

// H and I share a declaration.
var H, I = func() {
	rec.R(0)
}, func() {
	rec.R(0)
}

func init() {
	rec.R(0)
	func() {
		rec.R(0)
		func() {
			rec.R(0)
		}()
	}()
	func() {
		rec.R(0)
	}()
}

func init() {
	rec.R(0)
}
