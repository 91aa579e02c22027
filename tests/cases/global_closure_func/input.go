package global

import "strings"

var upper = func(s string) string {
	return strings.ToUpper(s)
}

var (
	lower = func(s string) string { return strings.ToLower(s) }
	table = map[string]func(int) int{
		"double": func(x int) int {
			if x < 0 {
				return 0
			}
			return x * 2
		},
		"same": func(x int) int { return x },
	}
)

var plain = 3
