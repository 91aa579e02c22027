package oneimp

import "fmt"

func f() {
	fmt.Println("x")
}
