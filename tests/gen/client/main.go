// SPDX-License-Identifier: MIT

// Command genclient queries the HTTP service of a goat generated package for
// tests/gen/serve.sh and prints what it got in a form the script compares
// exactly.
//
//	genclient freeport          print a free loopback TCP port
//	genclient freeport6         the same on ::1 (fails without IPv6)
//	genclient metrics URL       print the status, then the body as is
//	genclient track URL         print the status, then a /track answer (or its
//	                            error): the application, then one line per
//	                            component and per item
//	genclient fetch URL         fetch and discard (for concurrent reads)
//
// It retries while the server is not listening yet, for up to 10 seconds.
package main

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"time"
)

type item struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Count uint64 `json:"count"`
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

type componentResult struct {
	ID      int     `json:"id"`
	Name    string  `json:"name"`
	Metrics metrics `json:"metrics"`
}

type results struct {
	Name    string            `json:"name"`
	Version string            `json:"version"`
	Commit  string            `json:"commit"`
	Digest  string            `json:"digest"`
	Mode    string            `json:"mode"`
	Points  int               `json:"points"`
	Results []componentResult `json:"results"`
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "genclient: "+format+"\n", args...)
	os.Exit(1)
}

func get(url string) (*http.Response, []byte) {
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := client.Get(url)
		if err == nil {
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				fail("%s: %v", url, err)
			}
			return resp, body
		}
		if time.Now().After(deadline) {
			fail("%s: %v", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// digest recomputes a component's version: the MD5 of "#ID=COUNT" for each
// item in increasing ID order.
func digest(items []item) string {
	sorted := append([]item(nil), items...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	h := md5.New()
	for _, it := range sorted {
		fmt.Fprintf(h, "#%d=%d", it.ID, it.Count)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func printTrack(resp *http.Response, body []byte) {
	fmt.Printf("status %d %s\n", resp.StatusCode, resp.Header.Get("Content-Type"))
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		if err := dec.Decode(&e); err != nil || e.Error == "" {
			fail("error answer is not {\"error\": ...}: %v: %s", err, body)
		}
		fmt.Printf("error %s\n", e.Error)
		return
	}
	var r results
	if err := dec.Decode(&r); err != nil {
		fail("bad /track answer: %v: %s", err, body)
	}
	if r.Results == nil {
		fail("results is not a list: %s", body)
	}
	fmt.Printf("app %q %q commit %q digest %q mode %s points %d\n", r.Name, r.Version, r.Commit, r.Digest, r.Mode,
		r.Points)
	for _, c := range r.Results {
		m := c.Metrics
		fmt.Printf("component %d %q total %d covered %d rate %d\n", c.ID, c.Name, m.Total, m.Covered, m.CoveredRate)
		if m.Items == nil {
			fail("items of component %d is not a list: %s", c.ID, body)
		}
		if m.Version != digest(m.Items) {
			fail("version of component %d is %q, want %q", c.ID, m.Version, digest(m.Items))
		}
		for _, it := range m.Items {
			fmt.Printf("  %d %s %d %q:%d %q %q %s\n", it.ID, it.Name, it.Count, it.File, it.Line, it.Func, it.Lines, it.Kind)
		}
	}
}

func main() {
	if len(os.Args) == 2 && (os.Args[1] == "freeport" || os.Args[1] == "freeport6") {
		addr := "127.0.0.1:0"
		if os.Args[1] == "freeport6" {
			addr = "[::1]:0"
		}
		l, err := net.Listen("tcp", addr)
		if err != nil {
			fail("%v", err)
		}
		fmt.Println(l.Addr().(*net.TCPAddr).Port)
		l.Close()
		return
	}
	if len(os.Args) != 3 {
		fail("usage: genclient freeport | freeport6 | metrics URL | track URL | fetch URL")
	}
	resp, body := get(os.Args[2])
	switch os.Args[1] {
	case "metrics":
		fmt.Printf("status %d %s\n", resp.StatusCode, resp.Header.Get("Content-Type"))
		os.Stdout.Write(body)
	case "track":
		printTrack(resp, body)
	case "fetch":
	default:
		fail("unknown mode %s", os.Args[1])
	}
}
