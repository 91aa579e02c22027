// SPDX-License-Identifier: MIT

package main

import "example.com/names/rec"

// mk is small enough to be inlined: where it is, its literal is copied
// into the caller and named after it (main.Inlined.func1 ...), unless
// inlining is off (-gcflags=-l).
func mk() func() {
	return func() {
		rec.R(0) // inlined
	}
}

// Inlined calls mk.
func Inlined() {
	rec.R(0)
	mk()()
}
