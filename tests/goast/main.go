// SPDX-License-Identifier: MIT

// Command goast is the reference for `goat ast`: it parses Go files with
// go/parser (mode ParseComments, Go 1.19, so identifier resolution and its
// 1,000-scope cap included, as goat's parser promises) and prints each
// tree in goat's canonical text, so tests can compare the two byte for byte.
//
//	goast [-n] [--files-from LIST] FILE...
//
// One line per node in ast.Inspect order (comments skipped): two spaces per
// depth, the go/ast type name, the Pos() and End() byte offsets (-1 for
// NoPos; a raw string holding carriage returns ends at its closing '`', as
// in goat) and for some kinds one detail. With several files each tree is
// preceded by "== FILE". A file that does not parse prints its first error
// as FILE:LINE:COL: message on stderr and nothing on stdout. -n parses only.
// The exit status is 1 if any file failed.
//
//	goast -mutate OUTDIR N SEED FILE...
//
// writes N broken variants of the given Go files to OUTDIR (bytes deleted,
// Go tokens inserted, text duplicated or cut), deterministically from SEED,
// so that tests can compare the two parsers' errors on thousands of
// malformed inputs.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

func offset(fset *token.FileSet, p token.Pos) int {
	if !p.IsValid() {
		return -1
	}
	return fset.Position(p).Offset
}

func detail(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Ident:
		return n.Name
	case *ast.BasicLit:
		return n.Kind.String()
	case *ast.BinaryExpr:
		return n.Op.String()
	case *ast.UnaryExpr:
		return n.Op.String()
	case *ast.AssignStmt:
		return n.Tok.String()
	case *ast.IncDecStmt:
		return n.Tok.String()
	case *ast.BranchStmt:
		return n.Tok.String()
	case *ast.GenDecl:
		return n.Tok.String()
	case *ast.RangeStmt:
		return n.Tok.String()
	case *ast.ChanType:
		switch n.Dir {
		case ast.SEND:
			return "SEND"
		case ast.RECV:
			return "RECV"
		default:
			return "BOTH"
		}
	}
	return ""
}

// sourceEnds maps the End() go/ast gives a raw string holding carriage
// returns (its position plus the length of its Value, which has them
// stripped) to where its closing '`' ends in src: goat's offsets are
// source offsets, for that literal and the nodes it ends.
func sourceEnds(fset *token.FileSet, f *ast.File, src []byte) map[int]int {
	ends := map[int]int{}
	if bytes.IndexByte(src, '\r') < 0 {
		return ends // nothing stripped: go/ast's ends are source offsets
	}
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING || !strings.HasPrefix(lit.Value, "`") {
			return true
		}
		start := offset(fset, lit.Pos())
		end := len(src)
		if i := bytes.IndexByte(src[start+1:], '`'); i >= 0 {
			end = start + 1 + i + 1
		}
		if stripped := offset(fset, lit.End()); stripped != end {
			ends[stripped] = end
		}
		return true
	})
	return ends
}

func dump(w *bufio.Writer, fset *token.FileSet, f *ast.File, src []byte) {
	ends := sourceEnds(fset, f, src)
	depth := -1
	var buf []byte
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			depth--
			return false
		}
		switch n.(type) {
		case *ast.Comment, *ast.CommentGroup:
			return false // not counted: Inspect sends no nil after a refused node
		}
		depth++
		buf = buf[:0]
		for i := 0; i < depth; i++ {
			buf = append(buf, ' ', ' ')
		}
		buf = append(buf, reflect.TypeOf(n).Elem().Name()...)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(offset(fset, n.Pos())), 10)
		buf = append(buf, ' ')
		end := offset(fset, n.End())
		if e, ok := ends[end]; ok {
			end = e
		}
		buf = strconv.AppendInt(buf, int64(end), 10)
		if d := detail(n); d != "" {
			buf = append(buf, ' ')
			buf = append(buf, d...)
		}
		buf = append(buf, '\n')
		w.Write(buf)
		return true
	})
}

func firstError(err error) string {
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		return list[0].Error()
	}
	return err.Error()
}

func readList(name string) ([]string, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	var files []string
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" {
			files = append(files, line)
		}
	}
	return files, nil
}

var mutationTokens = []string{
	"(", ")", "{", "}", "[", "]", ",", ";", ":", ".", "...", "=", ":=", "<-", "~", "|",
	"*", "&", "!", "-", "^", "==", "<", "func", "type", "var", "const", "if", "else",
	"for", "range", "go", "defer", "chan", "map", "struct", "interface", "case",
	"default", "switch", "select", "return", "break", "goto", "import", "package",
	"x", "T", "any", "1", "0x", "1e", ".5", `"s"`, "`r`", "'c'", "\n", " ", "\n\n",
	"/*", "*/", "//", "`", "'", "\"", "\r", "\x00", "\xff", "\\", "[T any]", "L:",
}

// Pieces of //line and /*line*/ directives, valid and not: go/token maps
// error positions through the valid ones.
var (
	directiveNames   = []string{"", "a.go", "../b/./c.go", "/abs/d.go", "x:y.go", "dir/", " sp.go"}
	directiveNumbers = []string{"1", "0", "7", "1073741823", "1073741824", "18446744073709551615", "x", ""}
)

func directive(r *rand.Rand) string {
	name := directiveNames[r.Intn(len(directiveNames))]
	num := func() string { return directiveNumbers[r.Intn(len(directiveNumbers))] }
	switch r.Intn(4) {
	case 0:
		return "\n//line " + name + ":" + num() + "\n"
	case 1:
		return "\n//line " + name + ":" + num() + ":" + num() + "\n"
	case 2:
		return "/*line " + name + ":" + num() + ":" + num() + "*/"
	default:
		return "/*line " + name + ":" + num() + "*/"
	}
}

func mutate(args []string) {
	if len(args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: goast -mutate OUTDIR N SEED FILE...")
		os.Exit(2)
	}
	n, err1 := strconv.Atoi(args[1])
	seed, err2 := strconv.ParseInt(args[2], 10, 64)
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "goast: -mutate: bad N or SEED")
		os.Exit(2)
	}
	var seeds [][]byte
	for _, name := range args[3:] {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
			os.Exit(2)
		}
		if len(data) > 20000 {
			data = data[:20000]
		}
		seeds = append(seeds, data)
	}
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		data := append([]byte(nil), seeds[r.Intn(len(seeds))]...)
		for k := 1 + r.Intn(3); k > 0; k-- {
			pos := r.Intn(len(data) + 1)
			switch op := r.Intn(11); {
			case op < 3: // delete a few bytes
				end := pos + 1 + r.Intn(4)
				if end > len(data) {
					end = len(data)
				}
				data = append(data[:pos], data[end:]...)
			case op < 8: // insert a token
				tok := mutationTokens[r.Intn(len(mutationTokens))]
				data = append(data[:pos], append([]byte(tok), data[pos:]...)...)
			case op < 9: // cut the rest
				data = data[:pos]
			case op < 10: // insert a line directive
				d := directive(r)
				data = append(data[:pos], append([]byte(d), data[pos:]...)...)
			default: // duplicate a snippet
				q := r.Intn(len(data) + 1)
				end := q + 1 + r.Intn(12)
				if end > len(data) {
					end = len(data)
				}
				snippet := append([]byte(nil), data[q:end]...)
				data = append(data[:pos], append(snippet, data[pos:]...)...)
			}
		}
		name := filepath.Join(args[0], fmt.Sprintf("m%05d.go", i))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
			os.Exit(2)
		}
	}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-mutate" {
		mutate(os.Args[2:])
		return
	}
	quiet := false
	var files []string
	args := os.Args[1:]
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "-n":
			quiet = true
		case a == "--files-from" && i+1 < len(args):
			i++
			list, err := readList(args[i])
			if err != nil {
				fmt.Fprintln(os.Stderr, "goast:", err)
				os.Exit(2)
			}
			files = append(files, list...)
		case a == "--":
			files = append(files, args[i+1:]...)
			i = len(args)
		default:
			files = append(files, a)
		}
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	status := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			w.Flush()
			fmt.Fprintln(os.Stderr, "goast:", err)
			status = 1
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			w.Flush()
			fmt.Fprintln(os.Stderr, firstError(err))
			status = 1
			continue
		}
		if quiet {
			continue
		}
		if len(files) > 1 {
			w.WriteString("== " + name + "\n")
		}
		dump(w, fset, f, src)
	}
	w.Flush()
	os.Exit(status)
}
