package p

import "fmt"
import goat "example.com/app/goat"

var handler = func(x int) {
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_1)
	// +goat:end
	fmt.Println(x)
}

func empty() {
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_2)
	// +goat:end
}

func f(x int, ch chan int) {
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_3)
	// +goat:end
	fmt.Println(x)
	{
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_4)
		// +goat:end
	}
	switch x {
	case 1:
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_5)
		// +goat:end
		fmt.Println(1)
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_6)
		// +goat:end
	default:
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_7)
		// +goat:end
	}
	select {
	case v := <-ch:
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_8)
		// +goat:end
		fmt.Println(v)
	}
	go func() {
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_9)
		// +goat:end
		fmt.Println(fmt.Sprint(func() int {
			// +goat:generate insert
			// +goat:tips: do not edit the block between the +goat comments
			goat.Track(goat.TRACK_ID_10)
			// +goat:end
			return x
		}()))
	}()
	for i := 0; i < x; i++ {
		// +goat:generate insert
		// +goat:tips: do not edit the block between the +goat comments
		goat.Track(goat.TRACK_ID_11)
		// +goat:end
	}
	// +goat:generate insert
	// +goat:tips: do not edit the block between the +goat comments
	goat.Track(goat.TRACK_ID_12)
	// +goat:end
}
