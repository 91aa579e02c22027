package cgo

// #include <stdlib.h>
import "C"

func f() {
	C.free(nil)
}
