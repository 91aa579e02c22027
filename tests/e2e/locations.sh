#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves the point table's locations are where the blocks went: for every
# tracking block of the tracked tree, the code it stands before is found
# with `git diff` against the committed tree (a line the diff left alone
# keeps its committed number; a one-line body goat opened is the line it
# replaced), and must be the table's file and line for that TRACK_ID. The
# table is read from `goat track -v` and `goat patch -v`, and the tracked
# program must serve the same rows and newBranch's commit in /track;
# checked after
# goat track, and after a `// +goat:insert` was added and goat patch
# renumbered the points, where every point kept its file, line, function,
# changed lines and kind. Then patch on a file edited since newBranch (its
# points stand for no lines, said with -v) and without the history (a
# warning, no lines).
. "$top_srcdir/tests/e2e/lib.sh"

repo=$tmp/loc
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q .
put go.mod <<'EOF2'
module example.com/loc

go 1.19
EOF2
put main.go <<'EOF2'
package main

import (
	"fmt"
	"os"

	"example.com/loc/shop"
)

func main() {
	c := &shop.Cart{}
	c.Add(3)
	fmt.Println("total", c.Total(), len(os.Args))
}
EOF2
put shop/cart.go <<'EOF2'
// Package shop keeps carts.
package shop

// Cart holds prices.
type Cart struct{ prices []int }

// Add adds a price.
func (c *Cart) Add(p int) { c.prices = append(c.prices, p) }

// Total sums the prices.
func (c *Cart) Total() int {
	sum := 0
	for _, p := range c.prices {
		sum += p
	}
	return sum
}
EOF2
commit v1
git checkout -q -b feature
put shop/cart.go <<'EOF2'
// Package shop keeps carts.
package shop

// Cart holds prices.
type Cart struct{ prices []int }

// Add adds a price, with tax.
func (c *Cart) Add(p int) { c.prices = append(c.prices, p*110/100) }

// Total sums the prices, with a discount on big carts.
func (c *Cart) Total() int {
	sum := 0
	for _, p := range c.prices {
		sum += p
	}
	apply := func(pct int) {
		sum -= sum * pct / 100
	}
	if sum > 100 {
		apply(10)
	}
	return sum
}
EOF2
put shop/kind.go <<'EOF2'
package shop

// Kind names a count.
func Kind(n int) string {
	switch {
	case n == 0:
		return "none"
	// one is special
	case n == 1:
		return "one"
	default:
	}
outer:
	for i := 0; i < n; i++ {
		if i > 2 {
			break outer
		}
	}
	return "many"
}
EOF2
put main.go <<'EOF2'
package main

import (
	"fmt"
	"os"
	"time"

	"example.com/loc/shop"
)

func main() {
	c := &shop.Cart{}
	c.Add(3)
	fmt.Println("server", c.Total(), shop.Kind(len(os.Args)))
	if os.Getenv("SHOP_WAIT") != "" {
		time.Sleep(time.Minute)
	}
}
EOF2
commit v2

# rows FILE: the table from goat -v's log, as "FILE:LINE TRACK_ID_N FUNC LINES KIND".
rows() {
    sed -n 's/^goat:   \(TRACK_ID_[0-9]*\) \([^ ]*\) \([^ ]*\) lines \([^ ]*\) (\([a-z]*\))$/\2 \1 \3 \4 \5/p' "$1" | sort
}

# served LOG: the program's /track against the table LOG lists, and its
# commit against newBranch's.
served() {
    "$GO" build -o "$tmp/loc.bin" . || { fail "go build"; return; }
    local port
    port=$("$client" freeport)
    start_app "$port" "$tmp/loc.bin"
    "$client" points "http://127.0.0.1:$port/track" >"$tmp/served"
    stop_apps
    [ "$(wc -l <"$tmp/served")" -gt 10 ] || fail "/track served too few points: $(cat "$tmp/served")"
    expect_eq "commit in /track" "commit $(git rev-parse HEAD)" "$(head -1 "$tmp/served")"
    expect_eq "points in /track against the table" \
        "$(sed -n 's/^goat:   \(TRACK_ID_[0-9]*\) \([^ ]*\) \([^ ]*\) lines \([^ ]*\) (\([a-z]*\))$/\1 \2 \3 \4 \5/p' "$1")" \
        "$(tail -n +2 "$tmp/served")"
}

# placed: where the blocks of the tracked tree went, by git diff, as
# "FILE:LINE TRACK_ID_N" (LINE in the committed file).
placed() {
    git diff --name-only HEAD -- '*.go' ':!goat' | while read -r f; do
        { git diff -U0 --no-color HEAD -- "$f"; echo "=== end of diff"; cat "$f"; } | awk -v file="$f" '
            !body && /^=== end of diff$/ { body = 1; next }
            !body {
                if ($0 ~ /^@@ /) {
                    split($2, o, ","); split($3, nw, ",")
                    n++; oa[n] = substr(o[1], 2) + 0; ob[n] = (2 in o) ? o[2] + 0 : 1
                    nc[n] = substr(nw[1], 2) + 0; nd[n] = (2 in nw) ? nw[2] + 0 : 1
                }
                next
            }
            { text[++lines] = $0 }
            function old_line(t,   i, shift) {
                shift = 0
                for (i = 1; i <= n; i++) {
                    if (nd[i] > 0 && t >= nc[i] && t < nc[i] + nd[i])
                        return ob[i] > 0 ? oa[i] : -1
                    if (nd[i] == 0 ? nc[i] < t : nc[i] + nd[i] <= t)
                        shift += nd[i] - ob[i]
                }
                return t - shift
            }
            END {
                for (l = 1; l <= lines; l++) {
                    if (!match(text[l], /goat\.TRACK_ID_[0-9]+/))
                        continue
                    id = substr(text[l], RSTART + 5, RLENGTH - 5)
                    e = l
                    while (e <= lines && text[e] !~ /^[ \t]*\/\/ \+goat:end/)
                        e++
                    c = e + 1
                    while (c <= lines && text[c] ~ /^[ \t]*(\/\/.*)?$/)
                        c++
                    print file ":" old_line(c), id
                }
            }'
    done | sort
}

"$GOAT" init --old main --granularity line >/dev/null || fail "goat init"
"$GOAT" track -v 2>"$tmp/track.log" >/dev/null || fail "goat track: $(cat "$tmp/track.log")"
tracked=$(rows "$tmp/track.log")
[ "$(printf '%s\n' "$tracked" | wc -l)" -ge 10 ] || fail "too few points: $tracked"
expect_eq "locations after goat track (git diff vs the table)" "$(placed)" \
    "$(printf '%s\n' "$tracked" | awk '{ print $1, $2 }')"
go_checks "$repo"
served "$tmp/track.log"

# A hand-placed point before `return sum`.
awk '/^\treturn sum$/ { print "\t// +goat:insert" } { print }' shop/cart.go >"$tmp/cart.go" && cp "$tmp/cart.go" shop/cart.go
"$GOAT" patch -v 2>"$tmp/patch.log" >/dev/null || fail "goat patch: $(cat "$tmp/patch.log")"
patched=$(rows "$tmp/patch.log")
expect_eq "locations after goat patch (git diff vs the table)" "$(placed)" \
    "$(printf '%s\n' "$patched" | awk '{ print $1, $2 }')"
# Every point tracked before is still there, at its place, in its function,
# standing for the same lines; the new one stands before `return sum` in
# (*Cart).Total, for no changed line (return sum is as old as the cart).
want=$( (printf '%s\n' "$tracked" | awk '{ print $1, $3, $4, $5 }'; echo "shop/cart.go:22 (*Cart).Total - insert") | sort)
expect_eq "points kept across goat patch" "$want" "$(printf '%s\n' "$patched" | awk '{ print $1, $3, $4, $5 }' | sort)"
go_checks "$repo"
served "$tmp/patch.log"

# A file edited since newBranch keeps its points, which stand for no lines.
sed -i 's/^\treturn "many"$/\tn++\n\treturn "many"/' shop/kind.go
"$GOAT" patch -v 2>"$tmp/patch.log" >/dev/null || fail "goat patch (edited): $(cat "$tmp/patch.log")"
expect_contains "the edited file's note" "$(cat "$tmp/patch.log")" \
    "goat: shop/kind.go: not newBranch's text once cleaned: its points stand for no changed lines"
got=$(rows "$tmp/patch.log" | awk '$1 ~ /^shop\/kind.go:/ { print $4 }' | sort -u)
expect_eq "lines of the edited file's points" "-" "$got"
got=$(rows "$tmp/patch.log" | awk '$1 ~ /^shop\/cart.go:/ { print $1, $3, $4, $5 }')
expect_eq "the other file's points" "$(printf '%s\n' "$want" | grep '^shop/cart.go:')" "$got"

# Without the history, no point stands for any line.
sed -i 's/^oldBranch:.*/oldBranch: gone/' goat.yaml
"$GOAT" patch -v 2>"$tmp/patch.log" >/dev/null || fail "goat patch (no history): $(cat "$tmp/patch.log")"
expect_contains "the warning without history" "$(cat "$tmp/patch.log")" \
    'goat patch: warning: the point table lists no changed lines: oldBranch "gone"'
expect_eq "lines without history" "-" "$(rows "$tmp/patch.log" | awk '{ print $4 }' | sort -u)"

finish
