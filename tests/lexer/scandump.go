// SPDX-License-Identifier: MIT

// Command scandump prints go/scanner's tokens for each file named on the
// command line in the form goat's tests/lexer/lexdump prints its own, so
// that tests/lexer/scanner_diff.sh can compare the two.
package main

import (
	"bufio"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"time"
)

func escaped(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '\\' || c == '"' {
			b = append(b, fmt.Sprintf("\\x%02x", c)...)
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	mode := scanner.ScanComments
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "-n" { // skip comments
		mode = 0
		args = args[1:]
	}
	if len(args) > 0 && args[0] == "-q" { // only time the scanning
		bench(args[1:])
		return
	}
	for _, name := range args {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fset := token.NewFileSet()
		file := fset.AddFile(name, -1, len(src))
		var first *scanner.Error
		eh := func(pos token.Position, msg string) {
			if first == nil || pos.Offset < first.Pos.Offset ||
				pos.Offset == first.Pos.Offset && msg < first.Msg {
				first = &scanner.Error{Pos: pos, Msg: msg}
			}
		}
		var s scanner.Scanner
		s.Init(file, src, eh, mode)
		fmt.Fprintf(out, "file %s\n", name)
		for {
			pos, tok, lit := s.Scan()
			if tok.IsOperator() && tok != token.SEMICOLON {
				lit = ""
			}
			fmt.Fprintf(out, "%d %s \"%s\"\n", file.Offset(pos), tok, escaped(lit))
			if tok == token.EOF {
				break
			}
		}
		fmt.Fprintf(out, "errors %d\n", s.ErrorCount)
		if first != nil {
			fmt.Fprintf(out, "first %d %s\n", first.Pos.Offset, first.Msg)
		}
	}
}

// bench scans the files (read beforehand) and prints go/scanner's speed on
// stderr, in the form lexdump -q prints goat's.
func bench(names []string) {
	var srcs [][]byte
	total := 0
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	start := time.Now()
	for _, src := range srcs {
		fset := token.NewFileSet()
		file := fset.AddFile("x.go", -1, len(src))
		var s scanner.Scanner
		s.Init(file, src, nil, scanner.ScanComments)
		for {
			if _, tok, _ := s.Scan(); tok == token.EOF {
				break
			}
		}
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(os.Stderr, "lexed %d bytes in %.3f s: %.0f MB/s\n", total, secs, float64(total)/secs/1e6)
}
