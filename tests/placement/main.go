// SPDX-License-Identifier: MIT

// Command placecheck checks, with go/parser and go/ast only (it shares no
// code with goat's C placement), where `goat rewrite --lines all` put its
// tracking blocks:
//
//	placecheck [-alias A] [-show N] GRANULARITY INDIR OUTDIR
//
// For every file NAME in INDIR (an input) it reads OUTDIR/NAME (goat's
// output for it with every line new at GRANULARITY: line, patch, scope or
// func) and checks the rules below. It prints one line per violation
// (FILE:LINE of the input, at most N of them, default 20) and a summary
// line, and exits 1 when any rule is broken.
//
// What counts. A statement counts when it stands in a statement list (a
// block, a case or select clause, or behind a label) and does something
// when it runs: an assignment, ++ or --, a send, an expression statement,
// go, defer, return, break, continue, goto, fallthrough, a bare block, a
// var or const declaration with values, an explicit empty statement, and a
// switch or select without clauses. The other control statements count
// through the bodies their header leads into: the body of an if, its else
// block when not empty, the body of a for or range, every case and select
// clause. A function (declaration or literal) counts when its own
// statements (those of nested literals aside) include one that counts or a
// control statement.
//
// The rules.
//   - Every function that counts holds a block: at func granularity its
//     body starts with one; at the others one of its own statements is one.
//   - line: every input line where a statement that counts starts has a
//     block right before it (nothing but blanks and comments between the
//     Track call and the line), and every body a header leads into starts
//     with a block.
//   - scope, patch: a scope is a run of statements of one list up to the
//     next control statement or bare block (whose header line it holds).
//     Every scope that counts holds a block: one that holds a statement
//     that counts, and the first scope of a body a header leads into.
//   - Every granularity: no block stands where it cannot run: right after
//     a statement that leaves the list (return, goto, break, continue,
//     fallthrough, panic, or one that terminates as the Go specification
//     defines) with no statement of the input after it (a block before
//     code as unreachable as itself, or behind a label, is fine); and no
//     Track call stands inside a comment or a string.
//
// Bodies laid out unlike gofmt does (a control statement's body that starts
// on its header's line, a case clause's first statement on the case line)
// are left out of the line and scope rules: goat tracks such lines by the
// block before the line, not inside them.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
)

type source struct {
	name string
	tf   *token.File
	file *ast.File
	text []byte
}

func parse(path, name string) (*source, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, text, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	return &source{name, fset.File(f.Pos()), f, text}, nil
}

func (s *source) line(p token.Pos) int   { return s.tf.Line(p) }
func (s *source) offset(p token.Pos) int { return s.tf.Offset(p) }

// totals over all files of one run
type totals struct {
	files, broken                           int
	lines, linesBad, bodies, bodiesBad      int
	scopes, scopesBad, funcs, funcsBad, bad int
	misplaced, inText                       int
	shown, show                             int
}

func (t *totals) report(s *source, p token.Pos, format string, args ...interface{}) {
	if t.shown < t.show {
		t.shown++
		fmt.Printf("%s:%d: %s\n", s.name, s.line(p), fmt.Sprintf(format, args...))
	}
}

type checker struct {
	in, out     *source
	alias       string
	granularity string
	t           *totals
	twin        map[ast.Node]ast.Node // input statement -> output statement
	tracks      []ast.Stmt            // the output's Track calls, in source order
	anchor      map[int]ast.Stmt      // input line -> first listed statement starting on it
	counting    map[int]bool          // input lines where a statement that counts starts
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func (c *checker) isTrack(s ast.Stmt) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fun, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !isIdent(fun.X, c.alias) || fun.Sel.Name != "Track" {
		return false
	}
	arg, ok := call.Args[0].(*ast.SelectorExpr)
	return ok && isIdent(arg.X, c.alias) && strings.HasPrefix(arg.Sel.Name, "TRACK_ID_")
}

func unlabel(s ast.Stmt) ast.Stmt {
	for {
		l, ok := s.(*ast.LabeledStmt)
		if !ok {
			return s
		}
		s = l.Stmt
	}
}

// A Track call, or a label standing for one.
func (c *checker) tracked(s ast.Stmt) bool { return c.isTrack(unlabel(s)) }

func counts(s ast.Stmt) bool {
	switch s := unlabel(s).(type) {
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.SendStmt, *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt,
		*ast.ReturnStmt, *ast.BranchStmt, *ast.BlockStmt:
		return true
	case *ast.DeclStmt:
		g, ok := s.Decl.(*ast.GenDecl)
		if !ok || (g.Tok != token.VAR && g.Tok != token.CONST) {
			return false
		}
		for _, sp := range g.Specs {
			if v, ok := sp.(*ast.ValueSpec); ok && len(v.Values) > 0 {
				return true
			}
		}
	case *ast.EmptyStmt:
		return !s.Implicit
	case *ast.SwitchStmt:
		return len(s.Body.List) == 0
	case *ast.TypeSwitchStmt:
		return len(s.Body.List) == 0
	case *ast.SelectStmt:
		return len(s.Body.List) == 0
	}
	return false
}

func control(s ast.Stmt) bool {
	switch unlabel(s).(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		return true
	}
	return false
}

// Control statements and bare blocks end a scope.
func endsScope(s ast.Stmt) bool {
	_, block := unlabel(s).(*ast.BlockStmt)
	return block || control(s)
}

// ---- statements matched between input and output ----

func (c *checker) statements(root ast.Node, skipTracks bool) []ast.Stmt {
	var list []ast.Stmt
	ast.Inspect(root, func(n ast.Node) bool {
		s, ok := n.(ast.Stmt)
		if !ok {
			return true
		}
		if skipTracks && c.isTrack(s) {
			c.tracks = append(c.tracks, s)
			return false
		}
		list = append(list, s)
		return true
	})
	return list
}

func (c *checker) match() bool {
	ins := c.statements(c.in.file, false)
	outs := c.statements(c.out.file, true)
	if len(ins) != len(outs) {
		c.t.report(c.in, c.in.file.Package, "the output has %d statements besides Track calls, the input %d",
			len(outs), len(ins))
		return false
	}
	c.twin = make(map[ast.Node]ast.Node, len(ins))
	for i := range ins {
		if reflect.TypeOf(ins[i]) != reflect.TypeOf(outs[i]) {
			c.t.report(c.in, ins[i].Pos(), "statement %d is a %T in the input, a %T in the output",
				i, ins[i], outs[i])
			return false
		}
		c.twin[ins[i]] = outs[i]
	}
	return true
}

// ---- where blocks stand in the output ----

// Whether a Track call ends right before the output line holding s: only
// blanks and comments between them.
func (c *checker) blockBefore(s ast.Stmt) bool {
	o := c.out
	start := o.offset(s.Pos())
	for start > 0 && o.text[start-1] != '\n' {
		start--
	}
	i := sort.Search(len(c.tracks), func(i int) bool { return o.offset(c.tracks[i].End()) > start }) - 1
	if i < 0 {
		return false
	}
	p := o.offset(c.tracks[i].End())
	comments := o.file.Comments
	for p < start {
		switch o.text[p] {
		case ' ', '\t', '\r', '\n', '\f', '\v':
			p++
			continue
		}
		k := sort.Search(len(comments), func(k int) bool { return o.offset(comments[k].Pos()) >= p })
		if k == len(comments) || o.offset(comments[k].Pos()) != p {
			return false
		}
		p = o.offset(comments[k].End())
	}
	return true
}

func listOf(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// Whether the output's twin of the list owner starts with a Track call.
func (c *checker) startsWithBlock(owner ast.Node) bool {
	list := listOf(c.twin[owner])
	return len(list) > 0 && c.tracked(list[0])
}

// Whether the output's twin of a function body holds a Track call of its own.
func (c *checker) holdsBlock(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(c.twin[body], func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit || found {
			return false
		}
		if s, ok := n.(ast.Stmt); ok && c.isTrack(s) {
			found = true
		}
		return !found
	})
	return found
}

// ---- the walk over the input ----

// Whether the body's statements lie on lines of their own, as gofmt lays
// them out; the line and scope rules check only such bodies.
func (c *checker) ownLines(b *ast.BlockStmt) bool {
	lb := c.in.line(b.Lbrace)
	return lb != c.in.line(b.Rbrace) && (len(b.List) == 0 || c.in.line(b.List[0].Pos()) != lb)
}

func (c *checker) clauseOwnLines(colon token.Pos, body []ast.Stmt) bool {
	return len(body) == 0 || c.in.line(body[0].Pos()) != c.in.line(colon)
}

// A body a header leads into: at line granularity it starts with a block.
func (c *checker) led(owner ast.Node) {
	if c.granularity != "line" {
		return
	}
	c.t.bodies++
	if !c.startsWithBlock(owner) {
		c.t.bodiesBad++
		c.t.report(c.in, owner.Pos(), "body entered from its header has no block at its start")
	}
}

func (c *checker) body(b *ast.BlockStmt, led bool) {
	if !c.ownLines(b) {
		return
	}
	if led {
		c.led(b)
	}
	c.list(b, b.List, led, false)
}

func (c *checker) clause(owner ast.Node, colon token.Pos, body []ast.Stmt) {
	if !c.clauseOwnLines(colon, body) {
		return
	}
	c.led(owner)
	c.list(owner, body, true, false)
}

func (c *checker) ifStmt(s *ast.IfStmt) {
	c.body(s.Body, true)
	switch e := s.Else.(type) {
	case *ast.IfStmt:
		c.ifStmt(e)
	case *ast.BlockStmt:
		c.body(e, len(e.List) > 0)
	}
}

func (c *checker) stmt(s ast.Stmt) {
	switch s := unlabel(s).(type) {
	case *ast.BlockStmt:
		c.body(s, false)
	case *ast.IfStmt:
		c.ifStmt(s)
	case *ast.ForStmt:
		c.body(s.Body, true)
	case *ast.RangeStmt:
		c.body(s.Body, true)
	case *ast.SwitchStmt:
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CaseClause)
			c.clause(cc, cc.Colon, cc.Body)
		}
	case *ast.TypeSwitchStmt:
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CaseClause)
			c.clause(cc, cc.Colon, cc.Body)
		}
	case *ast.SelectStmt:
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CommClause)
			c.clause(cc, cc.Colon, cc.Body)
		}
	}
}

// Records the line where a statement starts, and whether one that counts
// does. A label on a line of its own stands for the statement after it
// (whose block goes after the label, so that a goto runs it), unless that
// is a loop, switch or select (whose block goes before the label) or `;`.
func (c *checker) line(s ast.Stmt) {
	in := unlabel(s)
	if _, empty := in.(*ast.EmptyStmt); in != s && !empty && !control(in) && c.in.line(in.Pos()) != c.in.line(s.Pos()) {
		s = in
	}
	line := c.in.line(s.Pos())
	if a, ok := c.anchor[line]; !ok || s.Pos() < a.Pos() {
		c.anchor[line] = s
	}
	if counts(s) {
		c.counting[line] = true
	}
}

// One statement list: its statements and, at scope and patch granularity,
// its scopes.
func (c *checker) list(owner ast.Node, list []ast.Stmt, led, opened bool) {
	var want []bool // per scope: it counts
	want = append(want, led)
	for _, s := range list {
		if counts(s) {
			want[len(want)-1] = true
		}
		if !opened {
			c.line(s)
		}
		if endsScope(s) {
			want = append(want, false)
		}
		c.stmt(s)
	}
	if c.granularity != "scope" && c.granularity != "patch" {
		return
	}
	have := make([]bool, 1, len(want))
	for _, s := range listOf(c.twin[owner]) {
		if c.tracked(s) {
			have[len(have)-1] = true
		}
		if endsScope(s) {
			have = append(have, false)
		}
	}
	if len(have) != len(want) {
		c.t.report(c.in, owner.Pos(), "the output's list has %d scopes, the input's %d", len(have), len(want))
		c.t.scopes += len(want)
		c.t.scopesBad += len(want)
		return
	}
	for k := range want {
		if !want[k] {
			continue
		}
		c.t.scopes++
		if !have[k] {
			c.t.scopesBad++
			c.t.report(c.in, c.scopeStart(owner, list, k), "scope %d of this list has no block", k+1)
		}
	}
}

// Where scope k of a list starts (for messages).
func (c *checker) scopeStart(owner ast.Node, list []ast.Stmt, k int) token.Pos {
	if k == 0 {
		if len(list) > 0 {
			return list[0].Pos()
		}
		return owner.Pos()
	}
	n := 0
	for i, s := range list {
		if endsScope(s) {
			n++
			if n == k {
				if i+1 < len(list) {
					return list[i+1].Pos()
				}
				return s.End()
			}
		}
	}
	return owner.Pos()
}

// Whether a function's own statements include one that counts or a
// control statement.
func functionCounts(body *ast.BlockStmt) bool {
	found := false
	for _, s := range body.List {
		ast.Inspect(s, func(n ast.Node) bool {
			if _, lit := n.(*ast.FuncLit); lit || found {
				return false
			}
			if s, ok := n.(ast.Stmt); ok && (counts(s) || control(s)) {
				found = true
			}
			return !found
		})
	}
	return found
}

func (c *checker) function(body *ast.BlockStmt) {
	if functionCounts(body) {
		c.t.funcs++
		ok := false
		if c.granularity == "func" {
			ok = c.startsWithBlock(body)
		} else {
			ok = c.holdsBlock(body)
		}
		if !ok {
			c.t.funcsBad++
			c.t.report(c.in, body.Pos(), "function has no block")
		}
	}
	// a single-line body is opened: its one block stands for its line
	opened := c.in.line(body.Lbrace) == c.in.line(body.Rbrace)
	c.list(body, body.List, false, opened)
}

func (c *checker) lines() {
	if c.granularity != "line" {
		return
	}
	lines := make([]int, 0, len(c.counting))
	for l := range c.counting {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	for _, l := range lines {
		c.t.lines++
		a := c.anchor[l]
		if !c.blockBefore(c.twin[a].(ast.Stmt)) {
			c.t.linesBad++
			c.t.report(c.in, a.Pos(), "statement line has no block before it")
		}
	}
}

// ---- blocks that cannot run ----

func isPanic(s ast.Stmt) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	return ok && isIdent(call.Fun, "panic")
}

// Whether control never reaches the statement after s: s terminates as the
// Go specification defines, or is a branch statement.
func leaves(s ast.Stmt) bool {
	label := ""
	if l, ok := s.(*ast.LabeledStmt); ok {
		label = l.Label.Name
		s = unlabel(s)
	}
	switch s := s.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		return isPanic(s)
	case *ast.BlockStmt:
		return len(s.List) > 0 && leaves(s.List[len(s.List)-1])
	case *ast.IfStmt:
		return s.Else != nil && leaves(s.Body) && leaves(s.Else)
	case *ast.ForStmt:
		return s.Cond == nil && !breaks(s.Body, label)
	case *ast.SwitchStmt:
		return clausesLeave(s.Body, label)
	case *ast.TypeSwitchStmt:
		return clausesLeave(s.Body, label)
	case *ast.SelectStmt:
		if breaks(s.Body, label) {
			return false
		}
		for _, cl := range s.Body.List {
			b := cl.(*ast.CommClause).Body
			if len(b) == 0 || !leaves(b[len(b)-1]) {
				return false
			}
		}
		return true
	}
	return false
}

func clausesLeave(body *ast.BlockStmt, label string) bool {
	if breaks(body, label) {
		return false
	}
	def := false
	for _, cl := range body.List {
		cc := cl.(*ast.CaseClause)
		def = def || cc.List == nil
		if len(cc.Body) == 0 || !leaves(cc.Body[len(cc.Body)-1]) {
			return false
		}
	}
	return def
}

// Whether a break in body leaves the statement it belongs to (unlabeled
// and not inside a nested for, switch or select, or labeled with label).
func breaks(body ast.Node, label string) bool {
	found := false
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if m.Tok == token.BREAK && ((m.Label == nil && !nested) || (m.Label != nil && m.Label.Name == label)) {
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					walk(m, true)
					return false
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}

func (c *checker) unreachable() {
	ast.Inspect(c.out.file, func(n ast.Node) bool {
		list := listOf(n)
		for i := 1; i < len(list); i++ {
			// A labeled one runs when a goto jumps to its label; one
			// before a statement as unreachable as itself tracks it.
			last := i+1 == len(list) || c.isTrack(list[i+1])
			if c.isTrack(list[i]) && leaves(list[i-1]) && last {
				c.t.misplaced++
				c.t.report(c.out, list[i].Pos(), "block after a statement that leaves the list (output line)")
			}
		}
		return true
	})
	call := []byte(c.alias + ".Track(" + c.alias + ".TRACK_ID_")
	if n := bytes.Count(c.out.text, call) - bytes.Count(c.in.text, call); n != len(c.tracks) {
		c.t.inText++
		c.t.report(c.in, c.in.file.Package, "%d Track calls in the text, %d Track statements", n, len(c.tracks))
	}
}

func checkFile(t *totals, granularity, alias, inPath, outPath, name string) {
	t.files++
	in, err := parse(inPath, name)
	if err != nil {
		fmt.Printf("%s: input does not parse: %v\n", name, err)
		t.broken++
		return
	}
	out, err := parse(outPath, name)
	if err != nil {
		fmt.Printf("%s: output does not parse: %v\n", name, err)
		t.broken++
		return
	}
	c := &checker{in: in, out: out, alias: alias, granularity: granularity, t: t,
		anchor: map[int]ast.Stmt{}, counting: map[int]bool{}}
	if !c.match() {
		t.broken++
		return
	}
	ast.Inspect(in.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				c.function(n.Body)
			}
		case *ast.FuncLit:
			c.function(n.Body)
		}
		return true
	})
	c.lines()
	c.unreachable()
}

func main() {
	alias := flag.String("alias", "goat", "the goat package's import alias")
	show := flag.Int("show", 20, "print at most this many violations")
	flag.Parse()
	if flag.NArg() != 3 {
		fmt.Fprintln(os.Stderr, "usage: placecheck [-alias A] [-show N] GRANULARITY INDIR OUTDIR")
		os.Exit(2)
	}
	granularity, inDir, outDir := flag.Arg(0), flag.Arg(1), flag.Arg(2)
	switch granularity {
	case "line", "patch", "scope", "func":
	default:
		fmt.Fprintf(os.Stderr, "placecheck: unknown granularity %q\n", granularity)
		os.Exit(2)
	}
	entries, err := os.ReadDir(inDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "placecheck:", err)
		os.Exit(2)
	}
	t := &totals{show: *show}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		checkFile(t, granularity, *alias, filepath.Join(inDir, e.Name()), filepath.Join(outDir, e.Name()), e.Name())
	}
	fmt.Printf("%s: %d files (%d unreadable or mismatched); untracked: %d of %d statement lines, "+
		"%d of %d bodies entered from a header, %d of %d scopes, %d of %d functions; "+
		"%d blocks that cannot run, %d files with Track calls outside statements\n",
		granularity, t.files, t.broken, t.linesBad, t.lines, t.bodiesBad, t.bodies, t.scopesBad, t.scopes,
		t.funcsBad, t.funcs, t.misplaced, t.inText)
	if t.broken+t.linesBad+t.bodiesBad+t.scopesBad+t.funcsBad+t.misplaced+t.inText > 0 {
		os.Exit(1)
	}
}
