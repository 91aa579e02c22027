package p

func f() { /* a
	b */ x()
	x()
}

func g() { /* c */ /* d
	*/ /* e */ x(); x()
}

func h() {
	_ = func() { /* f
		g */ x()
	}
}

func x() {}
