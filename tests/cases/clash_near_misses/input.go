package p

// T has a field and a type parameter called goat, U a method: none is in
// scope where a block goes.
type T[goat any] struct {
	goat goat
}

type U struct{}

func (U) goat() {}

type F func(goat int) (goat2 int)

type I interface{ goat() }

func f(t T[int], u U) int {
goat:
	for {
		u.goat()
		_ = T[int]{goat: 1}
		break goat
	}
	return t.goat
}
