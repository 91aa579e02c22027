package crlf

// comment
func f() {
	x := `a
b`
	_ = x
	/* multi
	 line */
	y := "s"
	_ = y
}
