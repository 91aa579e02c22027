// SPDX-License-Identifier: MIT

// Command client is the end-to-end tests' HTTP client for the service the
// generated goat package runs (the tests use it instead of curl):
//
//	client freeport            prints a free TCP port on 127.0.0.1
//	client track URL           waits for URL, prints /track's JSON as lines:
//	                           "app NAME VERSION" then, per component,
//	                           "component ID NAME total=T covered=C rate=R ids=ID:COUNT,..."
//	client points URL          waits for URL (/track), prints "commit HEX", then
//	                           "TRACK_ID_N FILE:LINE FUNC LINES KIND" per point
//	                           (each once, in ID order; - for no lines)
//	client metrics URL         waits for URL, prints the goat_track_* samples, sorted
//	client status URL          prints the HTTP status code and the body
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"
)

type item struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Count uint32 `json:"count"`
	File  string `json:"file"`
	Line  int    `json:"line"`
	Func  string `json:"func"`
	Lines string `json:"lines"`
	Kind  string `json:"kind"`
}

type metrics struct {
	Version     string `json:"version"`
	Total       int    `json:"total"`
	Covered     int    `json:"covered"`
	CoveredRate int    `json:"coveredRate"`
	Items       []item `json:"items"`
}

type component struct {
	ID      int     `json:"id"`
	Name    string  `json:"name"`
	Metrics metrics `json:"metrics"`
}

type results struct {
	Name    string      `json:"name"`
	Version string      `json:"version"`
	Commit  string      `json:"commit"`
	Results []component `json:"results"`
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "client: "+format+"\n", args...)
	os.Exit(1)
}

// get retries for a few seconds while the program starts its server.
func get(url string) (int, []byte) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				fail("reading %s: %v", url, err)
			}
			return resp.StatusCode, body
		}
		if time.Now().After(deadline) {
			fail("%s: %v", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// track reads /track's answer at url.
func track(url string) results {
	status, body := get(url)
	if status != http.StatusOK {
		fail("%s: HTTP %d: %s", url, status, body)
	}
	var r results
	if err := json.Unmarshal(body, &r); err != nil {
		fail("%s: bad JSON: %v: %s", url, err, body)
	}
	return r
}

func main() {
	if len(os.Args) < 2 {
		fail("usage: client freeport | track URL | points URL | metrics URL | status URL")
	}
	switch os.Args[1] {
	case "freeport":
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fail("%v", err)
		}
		fmt.Println(l.Addr().(*net.TCPAddr).Port)
		l.Close()
	case "track":
		r := track(os.Args[2])
		fmt.Printf("app %s %s\n", r.Name, r.Version)
		for _, c := range r.Results {
			ids := make([]string, 0, len(c.Metrics.Items))
			for _, it := range c.Metrics.Items {
				if it.Name != fmt.Sprintf("TRACK_ID_%d", it.ID) {
					fail("item %d is named %q", it.ID, it.Name)
				}
				ids = append(ids, fmt.Sprintf("%d:%d", it.ID, it.Count))
			}
			fmt.Printf("component %d %s total=%d covered=%d rate=%d ids=%s\n", c.ID, c.Name,
				c.Metrics.Total, c.Metrics.Covered, c.Metrics.CoveredRate, strings.Join(ids, ","))
		}
	case "points":
		r := track(os.Args[2])
		fmt.Printf("commit %s\n", r.Commit)
		points := map[int]item{}
		for _, c := range r.Results {
			for _, it := range c.Metrics.Items {
				points[it.ID] = it
			}
		}
		ids := make([]int, 0, len(points))
		for id := range points {
			ids = append(ids, id)
		}
		sort.Ints(ids)
		for _, id := range ids {
			it := points[id]
			lines := it.Lines
			if lines == "" {
				lines = "-"
			}
			fmt.Printf("%s %s:%d %s %s %s\n", it.Name, it.File, it.Line, it.Func, lines, it.Kind)
		}
	case "metrics":
		status, body := get(os.Args[2])
		if status != http.StatusOK {
			fail("%s: HTTP %d: %s", os.Args[2], status, body)
		}
		var lines []string
		for _, line := range strings.Split(string(body), "\n") {
			if strings.HasPrefix(line, "goat_track_") {
				lines = append(lines, line)
			}
		}
		sort.Strings(lines)
		for _, line := range lines {
			fmt.Println(line)
		}
	case "status":
		status, body := get(os.Args[2])
		fmt.Printf("%d %s", status, body)
	default:
		fail("unknown command %q", os.Args[1])
	}
}
