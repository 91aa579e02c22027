package p

type T int

func (goat T) f() int {
	return int(goat)
}
