package p

const help = `
	// +goat:insert
	// +goat:delete
	// +goat:end
`

func f() string {
	// +goat:insert
	x := `
	// +goat:generate
	// +goat:end
	`
	return x + help
}
