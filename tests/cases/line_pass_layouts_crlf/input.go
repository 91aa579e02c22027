package p

var x = 1; func early() { a(); b() }

var f = func() {
	c()
}; var g = 2

const raw = `line one
line two`

func F(s string) string {
	t := `first
	second /* not a comment
	third` + s
	/* a comment
	   spanning lines */ u := t
	go func() { d(u) }()
	v := func() int {
		return 1 }(); w := `x
y`
	_ = w
	if v > 0 { e() } else { f() }
	return t
}

func one() { g(); h() }
