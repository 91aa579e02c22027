// SPDX-License-Identifier: MIT

package main

import "example.com/names/rec"

// J comes after the generated file's literal: glob..func6.
var J = func() {
	rec.R(0)
}

func init() {
	rec.R(0)
}
