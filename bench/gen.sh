#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints how long rendering the generated Go package takes, its peak memory
# and its size, for 50,000 and 200,000 tracking points in three components
# (all points; every other point of the first 20,000; a small range).
set -e
: "${top_builddir:?}"
render=$top_builddir/tests/gen/gen_render
[ -x "$render" ] || make -s -C "$top_builddir" tests/gen/gen_render
out=$(mktemp)
trap 'rm -f "$out" "$out.time"' EXIT
every_other=$(seq -s, 1 2 20000)
for n in 50000 200000; do
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$out.time" "$render" --ids "$n" --count --race \
            --component "all=1-$n" --component "odd=$every_other" --component "few=5-100" "$out"
        read -r secs kb <"$out.time"
    else
        start=$(date +%s.%N)
        "$render" --ids "$n" --count --race --component "all=1-$n" \
            --component "odd=$every_other" --component "few=5-100" "$out"
        secs=$(echo "$(date +%s.%N) - $start" | bc)
        kb=?
    fi
    echo "gen: $n points, 3 components: ${secs}s, peak RSS ${kb} KiB, $(wc -c <"$out") bytes"
done
