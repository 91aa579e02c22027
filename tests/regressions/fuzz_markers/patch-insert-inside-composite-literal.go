package p

var x = []int{
	// +goat:insert
	1,
}
