package p

import (
	"fmt"
	"a\u00a0b"
)
