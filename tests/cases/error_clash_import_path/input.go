package p

import (
	"example.com/other/goat/v2"
)

func f() int {
	return goat.X
}
