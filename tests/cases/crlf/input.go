package crlf

import "fmt"

func f(a int) {
	if a > 0 {
		fmt.Println(a)
	}
	g := func() { fmt.Println("g") }
	g()
}
