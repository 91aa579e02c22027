// Package noimp has a doc comment.
package noimp

// f does little.
func f(a int) int {
	return a + 1
}
