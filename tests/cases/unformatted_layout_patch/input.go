package p

func f() { a()
}

func g() {
	a(); b() }

func h() {
	a()
	b() }

func k() { /* c */ a(); b()
	a() // t
}

var v = func() {a()
	b()
}

func m() {
	go func() { a()
	}()
}

func n(x bool) { if x {
		a()
	}
}

func q() { L: for {
		break L
	}
}

func r() {
	func() { a()
		b() }()
}

func a() {}
func b() {}
