package p

import goat "strings"

func f() string {
	return goat.ToUpper("x")
}
