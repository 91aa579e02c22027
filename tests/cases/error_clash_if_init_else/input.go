package p

func f() {
	if goat := 1; goat > 1 {
		println(goat)
	} else {
		println(-goat)
	}
}
