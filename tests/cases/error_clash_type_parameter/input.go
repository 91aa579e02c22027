package p

type Box[K any] struct{ v K }

func (b Box[goat]) get() goat {
	return b.v
}
