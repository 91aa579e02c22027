package p

func f() { a(); b := `x;y`; c(b) }

func g() string { return `` }

func h() {
	s := `a
b
c
d
`
	use(s)
}
