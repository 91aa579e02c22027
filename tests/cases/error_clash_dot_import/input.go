package p

import . "strings"

func f() string {
	return ToUpper("x")
}
