// Command goast is the reference for `goat ast`: it parses Go files with
// go/parser (ParseComments|SkipObjectResolution, Go 1.19) and prints each
// tree in goat's canonical text, so tests can compare the two byte for byte.
//
//	goast [-n] [--files-from LIST] FILE...
//
// One line per node in ast.Inspect order (comments skipped): two spaces per
// depth, the go/ast type name, the Pos() and End() byte offsets (-1 for
// NoPos) and for some kinds one detail. With several files each tree is
// preceded by "== FILE". A file that does not parse prints its first error
// as FILE:LINE:COL: message on stderr and nothing on stdout. -n parses only.
// The exit status is 1 if any file failed.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"os"
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

func dump(w *bufio.Writer, fset *token.FileSet, f *ast.File) {
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
		buf = strconv.AppendInt(buf, int64(offset(fset, n.End())), 10)
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

func main() {
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
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
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
		dump(w, fset, f)
	}
	w.Flush()
	os.Exit(status)
}
