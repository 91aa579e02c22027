// SPDX-License-Identifier: MIT

// Command unquote checks goat's escaping against Go's own reading of it: it
// renders a package (with tests/gen/gen_render) whose point table holds
// chosen and random byte strings, parses it with go/parser, and requires the
// table to be one raw string of rows of five tab-separated fields, each
// string field what a valid Go string literal holds between its quotes,
// whose value (strconv.Unquote) is the original bytes, showing no byte a
// reader could misread (a control, a non-ASCII byte that is not UTF-8, an
// invisible rune: see misleading) and escaping no other rune. Then it runs
// the package's own reader of the table (points) under go test, with $GO,
// and requires it to give back the same strings.
// It prints the first mismatch in hex and exits 1.
//
//	unquote GEN_RENDER SEED COUNT
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// chosen are strings at the edges of the escaping: every byte on its own,
// escapes at the ends and between long plain runs, valid and invalid UTF-8,
// and the runes goat escapes although Go would accept them.
func chosen() []string {
	var s []string
	for b := 1; b < 256; b++ {
		if b != '|' {
			s = append(s, string([]byte{byte(b)}))
		}
	}
	plain := strings.Repeat("abcdefghijklmnop", 3)
	for _, e := range []string{"\"", "\\", "\n", "\t", "\x01", "\x7f", "\x80", "\xff", "\xe2\x80\xae",
		"\xe2\x80\xa8", "\xef\xbb\xbf", "\xc2\x85", "\xc0\xaf", "\xed\xa0\x80", "\xe6\x97", "é", "名",
		"\xf0\x9f\x90\x90"} {
		s = append(s, e+plain, plain+e, plain+e+plain, e+e+plain+e+e, plain[:15]+e+plain[:17])
	}
	// every rune of the Basic Multilingual Plane and of the planes where
	// Unicode puts invisible ones, 60 to a string
	var run []rune
	for _, span := range [][2]rune{{0x80, 0xFFFF}, {0x1BC90, 0x1BCAF}, {0x1D170, 0x1D17F}, {0xE0000, 0xE0FFF}} {
		for r := span[0]; r <= span[1]; r++ {
			if utf8.ValidRune(r) {
				run = append(run, r)
			}
			if len(run) == 60 {
				s, run = append(s, string(run)), nil
			}
		}
	}
	s = append(s, string(run))
	return append(s, "", plain, "pkg/dir/file_name.go", "(*T).Method.func2", "1-3,5,7-9")
}

// random draws n strings of up to 40 bytes, some from all bytes and some
// from a mix weighted towards what the table usually holds.
func random(seed int64, n int) []string {
	r := rand.New(rand.NewSource(seed))
	pieces := []string{"a", "Z", "0", "/", ".", "_", " ", "\"", "\\", "\n", "\r", "\t", "\x00x"[1:], "\x1b",
		"\x7f", "\x80", "\xbf", "\xc3", "\xc3\xa9", "\xe2\x80", "\xe2\x80\xae", "\xe2\x81\xa6", "\xf4\x8f\xbf\xbf",
		"\xf4\x90\x80\x80", "\u00a0", "\u200e", "\ufeff", "\u200b", "\u00ad", "\u2060", "\U000E0041", "\ufe0f"}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		size := r.Intn(41)
		for b.Len() < size {
			if i%2 == 0 {
				c := byte(1 + r.Intn(255))
				if c != '|' {
					b.WriteByte(c)
				}
			} else {
				b.WriteString(pieces[r.Intn(len(pieces))])
			}
		}
		out[i] = b.String()
	}
	return out
}

// misleading says whether a rune of a literal's source text could be
// misread: Go accepts it in a string, but goat promises to escape it.
func misleading(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return true // an invalid byte left raw
	}
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 {
		return true
	}
	return invisible(r)
}

// invisible says whether r is one of Unicode's default ignorable code
// points but a variation selector. Default_Ignorable_Code_Point is derived
// (DerivedCoreProperties.txt) as Other_Default_Ignorable_Code_Point + Cf +
// Variation_Selector - White_Space - FFF9..FFFB (interlinear annotation) -
// 13430..1343F (Egyptian hieroglyph format controls) -
// Prepended_Concatenation_Mark.
func invisible(r rune) bool {
	if !unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) && !unicode.Is(unicode.Cf, r) {
		return false
	}
	return !unicode.Is(unicode.White_Space, r) && !(r >= 0xFFF9 && r <= 0xFFFB) &&
		!(r >= 0x13430 && r <= 0x1343F) && !unicode.Is(unicode.Prepended_Concatenation_Mark, r) &&
		!unicode.Is(unicode.Variation_Selector, r)
}

// escaped gives the runes a literal's source text holds as \u or \U
// escapes.
func escaped(lit string) []rune {
	var out []rune
	for j := 0; j < len(lit); j++ {
		if lit[j] != '\\' {
			continue
		}
		j++
		digits := map[byte]int{'u': 4, 'U': 8, 'x': 2}[lit[j]]
		if lit[j] == 'u' || lit[j] == 'U' {
			v, _ := strconv.ParseUint(lit[j+1:j+1+digits], 16, 32)
			out = append(out, rune(v))
		}
		j += digits
	}
	return out
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: unquote GEN_RENDER SEED COUNT")
		os.Exit(2)
	}
	seed, err1 := strconv.ParseInt(os.Args[2], 10, 64)
	count, err2 := strconv.Atoi(os.Args[3])
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "unquote: SEED and COUNT are integers")
		os.Exit(2)
	}
	strs := append(chosen(), random(seed, count)...)
	// three strings a point: file, function and lines
	for len(strs)%3 != 0 {
		strs = append(strs, "")
	}
	args := []string{"--ids", strconv.Itoa(len(strs) / 3)}
	for i := 0; i < len(strs); i += 3 {
		args = append(args, "--point", strs[i]+"|1|"+strs[i+1]+"|"+strs[i+2]+"|track")
	}
	args = append(args, "-")
	cmd := exec.Command(os.Args[1], args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	src, err := cmd.Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "unquote: gen_render failed: %v\n%s", err, stderr.Bytes())
		os.Exit(1)
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "goat_generated.go", src, 0)
	if err != nil {
		fmt.Fprintf(os.Stderr, "unquote: the rendered package does not parse: %v\n", err)
		os.Exit(1)
	}
	var table []*ast.BasicLit
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "pointTable" {
			return true
		}
		ast.Inspect(spec, func(m ast.Node) bool {
			if lit, ok := m.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(lit.Value, "`") {
				table = append(table, lit)
			}
			return true
		})
		return false
	})
	if len(table) != 1 {
		fmt.Fprintf(os.Stderr, "unquote: %d raw strings make pointTable, want 1\n", len(table))
		os.Exit(1)
	}
	text, err := strconv.Unquote(table[0].Value)
	if err != nil || text != table[0].Value[1:len(table[0].Value)-1] {
		fmt.Fprintf(os.Stderr, "unquote: pointTable does not read as the text it shows (%v)\n", err)
		os.Exit(1)
	}
	// a row a line: file, line, func, lines, kind; the three strings are
	// written as a Go string literal holds them between its quotes
	var got []string
	for _, row := range strings.SplitAfter(text, "\n") {
		if row == "" {
			continue
		}
		field := strings.Split(strings.TrimSuffix(row, "\n"), "\t")
		if len(field) != 5 || !strings.HasSuffix(row, "\n") {
			fmt.Fprintf(os.Stderr, "unquote: row %d of pointTable is %q: want five fields and a line end\n", len(got)/3+1, row)
			os.Exit(1)
		}
		got = append(got, field[0], field[2], field[3])
	}
	if len(got) != len(strs) {
		fmt.Fprintf(os.Stderr, "unquote: %d strings in the point table, want %d\n", len(got), len(strs))
		os.Exit(1)
	}
	for i, written := range got {
		lit := &ast.BasicLit{Kind: token.STRING, Value: `"` + written + `"`}
		value, err := strconv.Unquote(lit.Value)
		if err != nil || value != strs[i] {
			fmt.Fprintf(os.Stderr, "unquote: string %d: input % x\n  written %s\n  reads as % x (%v)\n",
				i, strs[i], lit.Value, value, err)
			os.Exit(1)
		}
		for j, w := 0, 0; j < len(lit.Value); j += w {
			r, size := utf8.DecodeRuneInString(lit.Value[j:])
			w = size
			if misleading(r, size) {
				fmt.Fprintf(os.Stderr, "unquote: string %d: written %q holds U+%04X unescaped\n", i, lit.Value, r)
				os.Exit(1)
			}
		}
		for _, r := range escaped(lit.Value) {
			if !misleading(r, utf8.RuneLen(r)) {
				fmt.Fprintf(os.Stderr, "unquote: string %d: written %q escapes U+%04X, which is plain\n", i, lit.Value, r)
				os.Exit(1)
			}
		}
	}
	if err := readByPackage(src, strs); err != nil {
		fmt.Fprintf(os.Stderr, "unquote: the generated package's own reader: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d strings read back as written, by Go's parser and by the package\n", len(strs))
}

// dumpTest, dropped into the rendered package, prints what the package's
// own reader (points, parsePoints, textField) makes of the table: a point a
// line, its file, function and lines in hex, with its line and kind.
const dumpTest = `package goat

import (
	"fmt"
	"os"
	"testing"
)

func TestDumpPoints(t *testing.T) {
	out, err := os.Create(os.Getenv("GOAT_POINTS_DUMP"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	for _, p := range points() {
		fmt.Fprintf(out, "%x %d %x %x %s\n", p.file, p.line, p.fn, p.lines, p.kind)
	}
}
`

// readByPackage builds the rendered package with dumpTest (go test, the Go
// command named by $GO) and requires every point to read back as the
// strings it was given: the table is read at run time by the package, not
// only by this program.
func readByPackage(src []byte, strs []string) error {
	dir, err := os.MkdirTemp("", "unquote-pkg")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	files := map[string]string{"go.mod": "module goat\n\ngo 1.19\n", "goat_generated.go": string(src),
		"dump_test.go": dumpTest}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	goCmd := os.Getenv("GO")
	if goCmd == "" {
		goCmd = "go"
	}
	dump := filepath.Join(dir, "points.txt")
	cmd := exec.Command(goCmd, "test", "-count=1", "-run", "^TestDumpPoints$", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOAT_POINTS_DUMP="+dump)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go test failed: %v\n%s", err, out)
	}
	text, err := os.ReadFile(dump)
	if err != nil {
		return err
	}
	rows := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	if len(rows)*3 != len(strs) {
		return fmt.Errorf("points() has %d rows, want %d", len(rows), len(strs)/3)
	}
	for i, row := range rows {
		want := fmt.Sprintf("%x 1 %x %x track", strs[3*i], strs[3*i+1], strs[3*i+2])
		if row != want {
			return fmt.Errorf("point %d reads as %s (file, line, function, lines, kind), want %s", i+1, row, want)
		}
	}
	return nil
}
