// SPDX-License-Identifier: MIT

// This file is the template of the package goat generates (goat_generated.go),
// kept as real Go so that gofmt, go vet and go test see it: it compiles as it
// is, with placeholder values, and template_test.go tests it.
//
// goat's renderer (src/gen/gen.c) drops everything above the first "fill:"
// comment, then replaces each line ending in a "fill:NAME" comment, and each
// block of lines from a "fill:NAME" comment line to an "end:NAME" comment
// line, by what it renders for NAME. The placeholder values are exactly what
// it renders for the values in tests/gen/runtime.sh, which checks that doing
// so gives this file back.

// fill:package
// Package goat records which tracking points of the program ran and reports
// them over HTTP: /metrics in the Prometheus text format and /track as JSON
// (see goat(1)). goat track writes this file and goat clean removes it.
//
// Settings: dataType bool, race false.
package goat

// end:package
import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// NAME is the application name (appName in goat.yaml).
const NAME = "shop" // fill:name

// VERSION is the application version (appVersion in goat.yaml).
const VERSION = "v1" // fill:version

// commit is the commit goat tracked (newBranch in goat.yaml), "" when goat did
// not know it.
const commit = "3f786850e387550fdab836ed7e6dc881de23001b" // fill:commit

// digest identifies the point table below: two builds with the same digest
// give the same IDs to the same places in the same files.
const digest = "3baab5e5ff78" // fill:digest

// countData is true when a tracking point counts how often it ran (dataType
// count), false when it records whether it ran (dataType bool).
const countData = false // fill:count_data

// raceSafe is true when counts are updated with sync/atomic (race: true).
// Whether a point ran is always recorded with sync/atomic.
const raceSafe = false // fill:race

// The tracking points: goat inserts a Track(TRACK_ID_N) call at each one.
const (
	TRACK_ID_START = iota
	// fill:track_ids
	TRACK_ID_1
	TRACK_ID_2
	TRACK_ID_3
	TRACK_ID_4
	TRACK_ID_5
	TRACK_ID_6
	// end:track_ids
	TRACK_ID_END
)

// Component is a main package, or the whole module, whose tracking points are
// reported together.
type Component = int

// fill:component_ids
// The components: goat inserts ServeHTTP(COMPONENT_N) at the top of the
// main function of each selected main package.
const (
	COMPONENT_0 = iota
	COMPONENT_1
	COMPONENT_2
)

// end:component_ids
// componentNames holds the name of each component, indexed by Component.
var componentNames = []string{
	// fill:component_names
	"cmd/client",
	"cmd/server",
	"cmd/idle",
	// end:component_names
}

// componentTrackRanges holds, for each component, the runs {first, last} of
// consecutive track IDs it reports, in increasing order.
var componentTrackRanges = [][][2]int{
	// fill:component_ranges
	{{1, 1}, {4, 5}},
	{{2, 5}},
	{},
	// end:component_ranges
}

// point is a row of the point table: where a tracking point stands in the
// committed source (the text goat clean restores) and what it stands for.
type point struct {
	file  string // module-relative path, "" when unknown
	line  int    // line of the code the point stands before, 0 when unknown
	fn    string // enclosing function, named as in a stack trace without the package path
	lines string // the changed lines it stands for, as ranges such as "12-14,17"
	kind  string // "track" (placed by goat track) or "insert" (by goat patch)
}

// pointTable is the point table as text, a line per point in ID order (line
// id describes TRACK_ID_<id>), the fields of point separated by tabs: file,
// line, function, changed lines, kind. A text field is what a Go string
// literal holds between its quotes, with backquotes escaped too, so that no
// tab, line end, backquote or byte a reader could misread stands raw in it.
// One string constant is read by go build far faster than a composite
// literal of tens of thousands of rows.
const pointTable = "" +
	// fill:points
	`cmd/client/main.go	10	main	10	track
cmd/server/main.go	12	main	12-15,17	track
cmd/server/main.go	24	subtract	24	track
internal/calc/calc.go	6	Add	6-7	track
internal/calc/calc.go	17	(*Till).Sub	17	insert
util/strs/strs.go	8	Shout.func1	8	track
` +
	// end:points
	""

// The point table parsed, once, when a reader first asks for it: a program
// that is never asked pays nothing for it.
var (
	pointsOnce sync.Once
	pointRows  []point
)

// points returns the point table: points()[id-1] describes TRACK_ID_<id>.
func points() []point {
	pointsOnce.Do(func() { pointRows = parsePoints(pointTable, TRACK_ID_END-1) })
	return pointRows
}

// parsePoints reads count rows of table. goat writes the table, so every
// row is well formed; a row that is not (an edited file) or is missing
// reads as an unknown location rather than stopping the program.
func parsePoints(table string, count int) []point {
	rows := make([]point, count)
	for i := range rows {
		var row string
		var found bool
		if row, table, found = strings.Cut(table, "\n"); !found && row == "" {
			break
		}
		var field [5]string
		for f := 0; f < 4; f++ {
			field[f], row, _ = strings.Cut(row, "\t")
		}
		field[4] = row
		line, err := strconv.Atoi(field[1])
		if err != nil || line < 0 {
			line = 0
		}
		rows[i] = point{file: textField(field[0]), line: line, fn: textField(field[2]),
			lines: textField(field[3]), kind: textField(field[4])}
	}
	return rows
}

// textField is the text of a field of pointTable: the field itself unless
// it holds an escape. goat writes only escapes that read; one that does not
// (a hand-edited file) is left as it stands.
func textField(field string) string {
	if strings.IndexByte(field, '\\') < 0 {
		return field
	}
	if text, err := strconv.Unquote(`"` + field + `"`); err == nil {
		return text
	}
	return field
}

// counters holds what each tracking point recorded, indexed by ID (index 0 is
// unused): 1 once it ran (bool data) or how many times it ran (count data).
var counters [TRACK_ID_END]uint64

// Track records that the tracking point id ran. It is small enough for the
// compiler to inline at every tracking point. With bool data it writes a
// point's counter only the first time, so a hot point costs one load, even
// when several cores run it. With count data and race false, concurrent calls
// race (and may lose counts): see race in goat(1).
func Track(id int) {
	if id <= TRACK_ID_START || id >= TRACK_ID_END {
		return
	}
	if !countData {
		if atomic.LoadUint64(&counters[id]) == 0 {
			atomic.StoreUint64(&counters[id], 1)
		}
	} else if raceSafe {
		atomic.AddUint64(&counters[id], 1)
	} else {
		counters[id]++
	}
}

// load reads what the tracking point id recorded.
func load(id int) uint64 {
	return atomic.LoadUint64(&counters[id])
}

// dataMode names the data type, as /track's mode and goat_build_info's mode
// label give it.
func dataMode() string {
	if countData {
		return "count"
	}
	return "bool"
}

// GetComponentName returns the name of component, or "" when there is no such
// component.
func GetComponentName(component Component) string {
	if component < 0 || component >= len(componentNames) {
		return ""
	}
	return componentNames[component]
}

var serveOnce sync.Once

// ServeHTTP starts, once per process and in the background, the HTTP service
// that reports the tracking points on GOAT_METRICS_IP:GOAT_PORT (default
// 127.0.0.1:57005); component is the one whose points /metrics reports one by
// one. When that address cannot be used the error is logged and the program
// carries on without the service.
func ServeHTTP(component Component) {
	serveOnce.Do(func() {
		go serve(component)
	})
}

func serve(component Component) {
	// An IPv6 address may come bracketed, as in a URL.
	host := strings.TrimSuffix(strings.TrimPrefix(os.Getenv("GOAT_METRICS_IP"), "["), "]")
	if host == "" {
		host = "127.0.0.1"
	}
	port := os.Getenv("GOAT_PORT")
	if port == "" {
		port = "57005"
	}
	listener, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		log.Printf("goat: tracking service not started (GOAT_METRICS_IP=%q, GOAT_PORT=%q): %v; "+
			"set them to an address and a free port this program may listen on",
			os.Getenv("GOAT_METRICS_IP"), os.Getenv("GOAT_PORT"), err)
		return
	}
	// Said once here, as /metrics can only answer each scrape with an error.
	if key := os.Getenv("GOAT_CURRENT_COMPONENT"); key != "" {
		if _, ok := findComponent(key); !ok {
			log.Printf("goat: GOAT_CURRENT_COMPONENT=%q names no component: /metrics answers 400 "+
				"until it names one by name or ID, or is unset", key)
		}
	}
	log.Printf("goat: tracking service of component %q on http://%s/metrics and http://%s/track",
		GetComponentName(component), listener.Addr(), listener.Addr())
	if err := newServer(component).Serve(listener); err != nil {
		log.Printf("goat: tracking service stopped: %v", err)
	}
}

// The limits of the tracking service, so that no client can hold one of its
// connections or much of the program's memory for long.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 16 << 10
)

// newServer returns the tracking service's HTTP server; component is the
// serving component.
func newServer(component Component) *http.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/metrics", getOrHead(func(w http.ResponseWriter, r *http.Request) {
		serveMetrics(w, r, component)
	}, textError))
	mux.HandleFunc("/track", getOrHead(serveTrack, jsonError))
	return &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}

// getOrHead answers the methods other than GET and HEAD with 405.
func getOrHead(handler http.HandlerFunc, fail func(http.ResponseWriter, int, string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			fail(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %q not allowed: use GET or HEAD", r.Method))
			return
		}
		handler(w, r)
	}
}

func textError(w http.ResponseWriter, status int, message string) {
	http.Error(w, "goat: "+message, status)
}

func jsonError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

// findComponent resolves a component given by name or by decimal ID.
func findComponent(key string) (Component, bool) {
	for component, name := range componentNames {
		if name == key {
			return component, true
		}
	}
	id, err := strconv.Atoi(key)
	if err != nil || id < 0 || id >= len(componentNames) {
		return 0, false
	}
	return id, true
}

func allComponents() []Component {
	all := make([]Component, len(componentNames))
	for component := range all {
		all[component] = component
	}
	return all
}

// tally counts the tracking points of component and those that ran.
func tally(component Component) (total, covered int) {
	for _, run := range componentTrackRanges[component] {
		for id := run[0]; id <= run[1]; id++ {
			if load(id) > 0 {
				covered++
			}
		}
		total += run[1] - run[0] + 1
	}
	return total, covered
}

// percent is covered as a whole percentage of total, 0 when total is 0.
func percent(covered, total int) int {
	if total == 0 {
		return 0
	}
	return covered * 100 / total
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// label renders one label pair in the Prometheus text format.
func label(name, value string) string {
	return name + `="` + labelEscaper.Replace(strings.ToValidUTF8(value, "\uFFFD")) + `"`
}

// serveMetrics answers in the Prometheus text format: three gauges per
// component (GOAT_CURRENT_COMPONENT, a name or an ID, keeps one), one series
// per tracking point of the serving component (unless GOAT_METRICS_POINTS is
// 0), and goat_build_info.
func serveMetrics(w http.ResponseWriter, r *http.Request, serving Component) {
	selected := allComponents()
	if key := os.Getenv("GOAT_CURRENT_COMPONENT"); key != "" {
		component, ok := findComponent(key)
		if !ok {
			textError(w, http.StatusBadRequest, fmt.Sprintf("GOAT_CURRENT_COMPONENT=%q names no component", key))
			return
		}
		selected = []Component{component}
	}
	totals := make([]int, len(selected))
	covered := make([]int, len(selected))
	labels := make([]string, len(selected))
	for i, component := range selected {
		totals[i], covered[i] = tally(component)
		labels[i] = "{" + commonLabels(component) + "}"
	}
	var out strings.Builder
	gauge := func(name, help string, value func(i int) int) {
		fmt.Fprintf(&out, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name)
		for i := range selected {
			fmt.Fprintf(&out, "%s%s %d\n", name, labels[i], value(i))
		}
	}
	gauge("goat_track_total", "Number of tracking points of the component.",
		func(i int) int { return totals[i] })
	gauge("goat_track_covered", "Number of tracking points of the component that ran.",
		func(i int) int { return covered[i] })
	gauge("goat_track_coverage_ratio", "Percentage of tracking points of the component that ran.",
		func(i int) int { return percent(covered[i], totals[i]) })
	if os.Getenv("GOAT_METRICS_POINTS") != "0" {
		writePoints(&out, serving)
	}
	fmt.Fprintf(&out, "# HELP goat_build_info The tracked build: its commit, the digest and size of its point table.\n"+
		"# TYPE goat_build_info gauge\ngoat_build_info{%s,%s,%s,%s,%s} 1\n",
		commonLabels(serving), label("commit", commit), label("digest", digest), label("mode", dataMode()),
		label("points", strconv.Itoa(len(points()))))
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, _ = w.Write([]byte(out.String()))
}

// commonLabels are the labels of every series of component: app, version and
// component (empty for an unknown component).
func commonLabels(component Component) string {
	return label("app", NAME) + "," + label("version", VERSION) + "," + label("component", GetComponentName(component))
}

// writePoints writes one series per tracking point of component, in ID order:
// whether it ran (bool data) or how many times (count data).
func writePoints(out *strings.Builder, component Component) {
	if component < 0 || component >= len(componentNames) || len(componentTrackRanges[component]) == 0 {
		return
	}
	name, kind, help := "goat_point_covered", "gauge", "Whether the tracking point ran (1) or not (0)."
	if countData {
		name, kind, help = "goat_point_executions_total", "counter", "Number of times the tracking point ran."
	}
	fmt.Fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, kind)
	common := commonLabels(component)
	table := points()
	for _, run := range componentTrackRanges[component] {
		for id := run[0]; id <= run[1]; id++ {
			p := table[id-1]
			fmt.Fprintf(out, "%s{%s,id=\"%d\",%s,line=\"%d\",%s} %d\n",
				name, common, id, label("file", p.file), p.line, label("func", p.fn), load(id))
		}
	}
}

// Item is one tracking point in a /track answer.
type Item struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Count uint64 `json:"count"`
	File  string `json:"file"`
	Line  int    `json:"line"`
	Func  string `json:"func"`
	Lines string `json:"lines"`
	Kind  string `json:"kind"`
}

// Items is a list of tracking points.
type Items []Item

// Metrics is the state of one component's tracking points. Version is a digest
// of every point's state, so that two equal versions mean nothing ran between.
type Metrics struct {
	Version     string `json:"version"`
	Total       int    `json:"total"`
	Covered     int    `json:"covered"`
	CoveredRate int    `json:"coveredRate"`
	Items       Items  `json:"items"`
}

// ComponentResult is one component in a /track answer.
type ComponentResult struct {
	ID      Component `json:"id"`
	Name    string    `json:"name"`
	Metrics Metrics   `json:"metrics"`
}

// Results is a /track answer: the application, the tracked commit, the digest
// of the point table, the data type ("bool" or "count"), the number of points
// in the table, and the components. A point in a package that no main package
// imports belongs to no component: Points counts it, no Items list it, so
// that a reader can tell that such points exist (and can never run in a
// program goat knows).
type Results struct {
	Name    string            `json:"name"`
	Version string            `json:"version"`
	Commit  string            `json:"commit"`
	Digest  string            `json:"digest"`
	Mode    string            `json:"mode"`
	Points  int               `json:"points"`
	Results []ComponentResult `json:"results"`
}

// measure reads the tracking points of component, in increasing ID order.
func measure(component Component) Metrics {
	total, _ := tally(component)
	m := Metrics{Total: total, Items: make(Items, 0, total)}
	state := md5.New()
	table := points()
	for _, run := range componentTrackRanges[component] {
		for id := run[0]; id <= run[1]; id++ {
			count := load(id)
			p := table[id-1]
			m.Items = append(m.Items, Item{ID: id, Name: "TRACK_ID_" + strconv.Itoa(id), Count: count,
				File: p.file, Line: p.line, Func: p.fn, Lines: p.lines, Kind: p.kind})
			if count > 0 {
				m.Covered++
			}
			fmt.Fprintf(state, "#%d=%d", id, count)
		}
	}
	m.CoveredRate = percent(m.Covered, m.Total)
	m.Version = hex.EncodeToString(state.Sum(nil))
	return m
}

// sortItems orders items, which are in increasing ID order, as /track's order
// parameter asks: 0 count ascending, 1 count descending, 2 ID ascending, 3 ID
// descending. Equal counts stay in increasing ID order.
func sortItems(items Items, order int) {
	switch order {
	case 0:
		sort.SliceStable(items, func(i, j int) bool { return items[i].Count < items[j].Count })
	case 1:
		sort.SliceStable(items, func(i, j int) bool { return items[i].Count > items[j].Count })
	case 3:
		sort.SliceStable(items, func(i, j int) bool { return items[i].ID > items[j].ID })
	}
}

func writeJSON(w http.ResponseWriter, status int, value interface{}) {
	body, err := json.Marshal(value)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"error":"goat: cannot encode the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}

// selectComponents resolves /track's component parameters: names or IDs,
// separated by commas, in one parameter or several. Each component is
// answered once, where it is first asked for, so the answer never holds more
// components than there are. No parameter selects all components.
func selectComponents(keys []string) ([]Component, error) {
	joined := strings.Join(keys, ",")
	if joined == "" {
		return allComponents(), nil
	}
	asked := make([]bool, len(componentNames))
	var selected []Component
	for _, key := range strings.Split(joined, ",") {
		component, ok := findComponent(key)
		if !ok {
			return nil, fmt.Errorf("invalid component %q: want a component name or an ID below %d", key, len(componentNames))
		}
		if !asked[component] {
			asked[component] = true
			selected = append(selected, component)
		}
	}
	return selected, nil
}

// serveTrack answers with the tracking points of each component as JSON.
// Parameters: order (0 to 3, see sortItems; default 0) and component (see
// selectComponents).
func serveTrack(w http.ResponseWriter, r *http.Request) {
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		jsonError(w, http.StatusBadRequest, fmt.Sprintf("invalid query: %v", err))
		return
	}
	order := 0
	if text := query.Get("order"); text != "" {
		order, err = strconv.Atoi(text)
		if err != nil || order < 0 || order > 3 {
			jsonError(w, http.StatusBadRequest, fmt.Sprintf("invalid order %q: want 0 (count ascending), "+
				"1 (count descending), 2 (ID ascending) or 3 (ID descending)", text))
			return
		}
	}
	selected, err := selectComponents(query["component"])
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	results := Results{Name: NAME, Version: VERSION, Commit: commit, Digest: digest, Mode: dataMode(),
		Points: len(points()), Results: make([]ComponentResult, 0, len(selected))}
	for _, component := range selected {
		m := measure(component)
		sortItems(m.Items, order)
		results.Results = append(results.Results, ComponentResult{ID: component, Name: componentNames[component], Metrics: m})
	}
	writeJSON(w, http.StatusOK, results)
}
