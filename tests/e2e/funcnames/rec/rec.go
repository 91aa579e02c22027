// SPDX-License-Identifier: MIT

// Package rec records, for each call, the name runtime.Caller gives the
// function that made it.
package rec

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
)

var (
	mu   sync.Mutex
	seen []string
)

// R records "FILE LINE NAME": the caller's file relative to the working
// directory, line (the line of the call in the committed source, which the
// test writes in), and function name without its package path.
//
//go:noinline
func R(line int) {
	pc, file, _, ok := runtime.Caller(1)
	if !ok {
		panic("runtime.Caller failed")
	}
	name := runtime.FuncForPC(pc).Name()
	name = name[strings.LastIndexByte(name, '/')+1:]
	name = name[strings.IndexByte(name, '.')+1:]
	wd, _ := os.Getwd()
	file = strings.TrimPrefix(file, wd+"/")
	mu.Lock()
	seen = append(seen, fmt.Sprintf("%s %d %s", file, line, name))
	mu.Unlock()
}

// Print prints every record, one a line.
func Print() {
	mu.Lock()
	defer mu.Unlock()
	for _, s := range seen {
		fmt.Println(s)
	}
}
