package cgo

/*
#include <stdio.h>
static void hello(void) { puts("hi"); }
*/
import "C"

import (
	"fmt"
)

func f() {
	C.hello()
	fmt.Println("done")
}
