package p

type I interface {
	m[T any]()
}
