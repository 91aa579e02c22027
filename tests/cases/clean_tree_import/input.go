package p

import (
	"fmt"

	g "example.com/c/old/goat"
)

func f() {
	fmt.Println(1)
}
