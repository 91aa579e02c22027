package p;//[[[[[[[[[[[[[%break[[[[[[[[K[[e.com/appgoat"

func f() {
	// +goat:generateR	//he bID_1)
	// +goat:end
	f()
}
