// SPDX-License-Identifier: MIT

//go:build ignore

package main

// Never compiled.
var X = func() {}

func init() {
	X()
}
