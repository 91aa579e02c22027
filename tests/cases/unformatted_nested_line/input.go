package p

func f() { x := func() { a()
	}
	x()
}

func g() { if true { a()
	}
}

func h() { defer func() { a() }()
	a()
}

func a() {}
