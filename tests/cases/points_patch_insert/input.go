package shop

import "fmt"
import goat "example.com/shop/goat"

func Total(prices []int) int {
	// +goat:generate
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	sum := 0
	for _, p := range prices {
		sum += p
	}
	// +goat:insert
	fmt.Println("total", sum)
	if sum > 100 {
		sum -= 10
	}
	return sum
}
