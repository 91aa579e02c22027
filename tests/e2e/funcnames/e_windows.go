// SPDX-License-Identifier: MIT

package main

// Compiled only for Windows: it adds no init.N and no glob..funcN here.
var W = func() {}

func init() {
	W()
}
