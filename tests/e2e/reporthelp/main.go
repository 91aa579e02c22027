// SPDX-License-Identifier: MIT

// Command reporthelp is what the goat report end-to-end tests need besides
// goat and the instrumented programs:
//
//	reporthelp save URL FILE     writes URL's answer to FILE (a 200 answer only)
//	reporthelp query URL PROMQL  asks Prometheus's query API at URL, prints
//	                             "LABELS VALUE" per sample, sorted
//	reporthelp hang PORTFILE     listens on a free loopback port, writes it to
//	                             PORTFILE, accepts connections and never
//	                             answers (for two minutes)
//	reporthelp hostile PORTFILE  serves, on a free loopback port written to
//	                             PORTFILE, for two minutes: /big 33 MiB of
//	                             JSON white space without a length, /announced
//	                             the same with its length, /trickle a byte
//	                             every 100 ms, /redirect a redirection to /big
//	reporthelp pixels PNG R,G,B...
//	                             prints the image's width and height, then for
//	                             each colour how many pixels are within 8 of
//	                             it on every channel
package main

import (
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "reporthelp: "+format+"\n", args...)
	os.Exit(1)
}

func get(u string) []byte {
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(u)
	if err != nil {
		fail("%s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		fail("%s: %v", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		fail("%s: HTTP %d: %s", u, resp.StatusCode, body)
	}
	return body
}

func query(base, promql string) {
	body := get(strings.TrimSuffix(base, "/") + "/api/v1/query?query=" + url.QueryEscape(promql))
	var answer struct {
		Data struct {
			Result []struct {
				Metric map[string]string `json:"metric"`
				Value  [2]interface{}    `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		fail("%v: %s", err, body)
	}
	var lines []string
	for _, r := range answer.Data.Result {
		var labels []string
		for k, v := range r.Metric {
			labels = append(labels, k+"="+v)
		}
		sort.Strings(labels)
		lines = append(lines, fmt.Sprintf("%s %v", strings.Join(labels, ","), r.Value[1]))
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}

func hang(portFile string) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("%v", err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	if err := os.WriteFile(portFile, []byte(port+"\n"), 0o644); err != nil {
		fail("%v", err)
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				time.Sleep(2 * time.Minute)
				c.Close()
			}()
		}
	}()
	time.Sleep(2 * time.Minute)
}

// hostile serves the answers goat report must not wait for or keep.
func hostile(portFile string) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("%v", err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	if err := os.WriteFile(portFile, []byte(port+"\n"), 0o644); err != nil {
		fail("%v", err)
	}
	const big = 33 << 20
	spaces := []byte(strings.Repeat(" ", 1<<20))
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		for sent := 0; sent < big; sent += len(spaces) {
			if _, err := w.Write(spaces); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/announced", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(big))
		for sent := 0; sent < big; sent += len(spaces) {
			if _, err := w.Write(spaces); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		for {
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			time.Sleep(100 * time.Millisecond)
		}
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/big", http.StatusFound)
	})
	go func() { _ = http.Serve(l, mux) }()
	time.Sleep(2 * time.Minute)
}

func pixels(file string, colours []string) {
	f, err := os.Open(file)
	if err != nil {
		fail("%v", err)
	}
	img, err := png.Decode(f)
	if err != nil {
		fail("%s: %v", file, err)
	}
	b := img.Bounds()
	fmt.Printf("%d %d\n", b.Dx(), b.Dy())
	for _, c := range colours {
		var want [3]int
		parts := strings.Split(c, ",")
		if len(parts) != 3 {
			fail("colour %q: want R,G,B", c)
		}
		for i, p := range parts {
			if want[i], err = strconv.Atoi(p); err != nil {
				fail("colour %q: %v", c, err)
			}
		}
		fmt.Println(count(img, want))
	}
}

func count(img image.Image, want [3]int) int {
	near := func(a uint32, b int) bool {
		d := int(a>>8) - b
		return d >= -8 && d <= 8
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, want[0]) && near(g, want[1]) && near(bl, want[2]) {
				n++
			}
		}
	}
	return n
}

func main() {
	if len(os.Args) < 3 {
		fail("usage: reporthelp save URL FILE | query URL PROMQL | hang PORTFILE | hostile PORTFILE | pixels PNG R,G,B...")
	}
	switch os.Args[1] {
	case "save":
		if err := os.WriteFile(os.Args[3], get(os.Args[2]), 0o644); err != nil {
			fail("%v", err)
		}
	case "query":
		query(os.Args[2], os.Args[3])
	case "hang":
		hang(os.Args[2])
	case "hostile":
		hostile(os.Args[2])
	case "pixels":
		pixels(os.Args[2], os.Args[3:])
	default:
		fail("unknown command %q", os.Args[1])
	}
}
