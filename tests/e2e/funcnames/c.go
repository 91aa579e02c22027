// SPDX-License-Identifier: MIT

package main

import (
	"fmt"
	"os"
	"sync"
	"time"

	"example.com/names/lib"
	"example.com/names/rec"
)

// Cart has methods on both kinds of receiver.
type Cart struct{ n int }

// Add has a pointer receiver.
func (c *Cart) Add(x int) {
	rec.R(0)
	func() {
		rec.R(0)
	}()
	c.n += x
}

// Sum has a value receiver.
func (c Cart) Sum() int {
	rec.R(0)
	f := func() int {
		rec.R(0)
		return c.n
	}
	return f()
}

// Reset has a parenthesised pointer receiver.
func (c *(Cart)) Reset() {
	rec.R(0)
}

func helper(x int) {
	rec.R(0)
}

// Total defers and starts calls with arguments: the compiler wraps them
// in literals of its own, numbered after Total's own literals.
func Total() int {
	rec.R(0)
	defer helper(3)
	var wg sync.WaitGroup
	wg.Add(1)
	go func(x int) {
		defer wg.Done()
		rec.R(0)
	}(1)
	wg.Wait()
	defer func(s string) {
		rec.R(0)
	}("x")
	func() {
		rec.R(0)
	}()
	return 0
}

// Order names an assignment's right side before its left side, and a for
// statement's post statement before its body.
func Order() {
	rec.R(0)
	m := map[int]int{}
	m[func() int {
		rec.R(0)
		return 1
	}()] = func() int {
		rec.R(0)
		return 2
	}()
	for i := 0; i < 1; i = func() int {
		rec.R(0)
		return i + 1
	}() {
		func() {
			rec.R(0)
		}()
	}
	if x := func() int {
		rec.R(0)
		return 1
	}(); x > 0 {
		switch func() int {
			rec.R(0)
			return x
		}() {
		case 1:
			func() {
				rec.R(0)
			}()
		}
	}
}

func main() {
	rec.R(0)
	G()
	H()
	I()
	c := &Cart{}
	c.Add(1)
	c.Sum()
	c.Reset()
	Total()
	Order()
	Inlined()
	lib.Run()
	J()
	func() {
		rec.R(0)
		func() {
			rec.R(0)
		}()
	}()
	rec.Print()
	// Stays up for the test to read /track.
	if os.Getenv("SHOP_WAIT") != "" {
		fmt.Println("server up")
		time.Sleep(time.Minute)
	}
}
