package runs

import (
	"fmt"
	"strings"

	"example.com/a/lib"
	"example.com/z/lib2"

	// the last run
	zz "zzz.org/last"
)

func f() {
	fmt.Println(strings.ToUpper(lib.X), lib2.Y, zz.Z)
}
