package p

func f() []int {
	return []int{
		1,
		// +goat:insert
		2,
	}
}
