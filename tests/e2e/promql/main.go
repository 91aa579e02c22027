// SPDX-License-Identifier: MIT

// Command promql asks a Prometheus server for an instant query and prints
// the answer for tests/e2e/prometheus.sh to compare:
//
//	promql URL QUERY    one line per sample of the resulting vector, sorted:
//	                    its labels then its value; "empty" for no sample
//	promql URL          exits 0 once the server says it is ready
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "promql: "+format+"\n", args...)
	os.Exit(1)
}

func get(target string) (int, []byte) {
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(target)
	if err != nil {
		fail("%v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		fail("%s: %v", target, err)
	}
	return resp.StatusCode, body
}

func main() {
	if len(os.Args) == 2 {
		if status, body := get(os.Args[1] + "/-/ready"); status != http.StatusOK {
			fail("not ready: %d %s", status, body)
		}
		return
	}
	if len(os.Args) != 3 {
		fail("usage: promql URL [QUERY]")
	}
	status, body := get(os.Args[1] + "/api/v1/query?query=" + url.QueryEscape(os.Args[2]))
	var answer struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			ResultType string `json:"resultType"`
			Result     []struct {
				Metric map[string]string `json:"metric"`
				Value  [2]interface{}    `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &answer); err != nil || status != http.StatusOK || answer.Status != "success" {
		fail("query %s: HTTP %d: %v: %s", os.Args[2], status, err, body)
	}
	if answer.Data.ResultType != "vector" {
		fail("query %s: a %s, not a vector", os.Args[2], answer.Data.ResultType)
	}
	var lines []string
	for _, sample := range answer.Data.Result {
		var labels []string
		for name, value := range sample.Metric {
			labels = append(labels, fmt.Sprintf("%s=%q", name, value))
		}
		sort.Strings(labels)
		lines = append(lines, fmt.Sprintf("{%s} %v", strings.Join(labels, ","), sample.Value[1]))
	}
	sort.Strings(lines)
	if len(lines) == 0 {
		lines = []string{"empty"}
	}
	fmt.Println(strings.Join(lines, "\n"))
}
