package p

func f() int {
	/* a comment
	 */
	return 1
}
