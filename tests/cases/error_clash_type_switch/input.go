package p

func f(x interface{}) {
	switch goat := x.(type) {
	case int:
		println(goat)
	}
}
