package p

/*
#include <stdlib.h>
*/
import "C"

import (
	"fmt"
	"strings"

	"example.com/other/pkg"
)

func f() {
	fmt.Println(strings.ToUpper("x"), pkg.X, C.int(1))
}
