package p

// +goat:insert
var x = map[string]int{
	// +goat:insert
	"a": 1,
}
