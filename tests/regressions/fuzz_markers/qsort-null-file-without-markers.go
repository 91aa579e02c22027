package p

func f() {
	f()
}
