package labels

func find(grid [][]int, want int) (int, int) {
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				continue outer
			}
			if v == want {
				return i, j
			}
		}
	}
	n := 0
loop:	for n < 3 {
		n++
		if n == 2 {
			break loop
		}
	}
	goto done
done:
	return -1, -1
}
