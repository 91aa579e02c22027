// SPDX-License-Identifier: MIT

// Command goparse is the oracle of tests/pathological/: for each file it
// prints what go/parser (mode ParseComments) says, in goat's form:
// "ok" when the file parses, else the first error as FILE:LINE:COL: message.
// Standard library only.
package main

import (
	"fmt"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
)

func main() {
	status := 0
	for _, name := range os.Args[1:] {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 2
			continue
		}
		fset := token.NewFileSet()
		_, err = parser.ParseFile(fset, name, src, parser.ParseComments)
		switch e := err.(type) {
		case nil:
			fmt.Println("ok")
		case scanner.ErrorList:
			fmt.Printf("%s: %s\n", e[0].Pos, e[0].Msg)
		default:
			fmt.Println(err)
		}
	}
	os.Exit(status)
}
