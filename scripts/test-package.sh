#!/usr/bin/env bash
# Checks that the package scripts/package.sh built runs on its own: copied to an empty folder,
# with HOME elsewhere, no Swift toolchain on PATH, no LD_LIBRARY_PATH, and the build folder it
# came from (.build-dist) renamed away, it gives the same bytes as the normal build over the
# sample feed. Also checks $GLEAN_RESOURCES, and prints the sizes and start-up times.
#   scripts/test-package.sh [PACKAGE_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
package=${1:-dist/glean-linux-x86_64}
[ -x "$package/glean" ] || { echo "no $package/glean: run scripts/package.sh first" >&2; exit 1; }

failed=0
passed=0
check() { # check DESCRIPTION COMMAND…
    local what=$1
    shift
    if "$@"; then echo "ok    $what"; passed=$((passed + 1)); else echo "FAIL  $what"; failed=$((failed + 1)); fi
}

# The reference: the normal (dynamically linked) release build.
swift build -c release --product glean >/dev/null
reference=$(swift build -c release --show-bin-path)/glean

work=$(mktemp -d /tmp/glean-portable-XXXXXX)
hidden=""
restore() {
    if [ -n "$hidden" ] && [ -d "$hidden" ]; then mv "$hidden" .build-dist; fi
    rm -rf "$work"
}
trap restore EXIT
# The build folder the binary could fall back to (SwiftPM's accessor names it) goes away.
if [ -d .build-dist ]; then
    hidden=.build-dist.hidden-$$
    mv .build-dist "$hidden"
fi
cp -R "$package" "$work/glean-copy"
mkdir -p "$work/empty" "$work/home"
cp Pipelines/quickstart.yaml Pipelines/alignment-monitor.yaml Pipelines/samples/news.jsonl "$work/empty/"
isolated() { # runs glean from the copy in the empty folder, with nothing of the build machine around
    (cd "$work/empty" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C "$@")
}
check "no swift on the isolated PATH" bash -c "! env -i PATH=/usr/bin:/bin bash -c 'command -v swift' >/dev/null"
check "no Swift runtime library linked dynamically" bash -c "! ldd '$work/glean-copy/glean' | grep -q libswift"

for pipeline in quickstart alignment-monitor; do
    isolated "$work/glean-copy/glean" run "$pipeline.yaml" -i news.jsonl -o "$work/portable-$pipeline.jsonl" \
        --summary none --progress never
    (cd Pipelines && "$reference" run "$pipeline.yaml" -i samples/news.jsonl -o "$work/normal-$pipeline.jsonl" \
        --summary none --progress never)
    check "$pipeline: the copied binary's output equals the normal build's, byte for byte ($(wc -l <"$work/normal-$pipeline.jsonl") lines)" \
        cmp -s "$work/portable-$pipeline.jsonl" "$work/normal-$pipeline.jsonl"
done
check "quickstart: and the golden file" cmp -s "$work/portable-quickstart.jsonl" Tests/GleanCLITests/Fixtures/quickstart.expected.jsonl

# Resources elsewhere, named by GLEAN_RESOURCES; without them a clear error, not the build folder.
mv "$work/glean-copy/Glean_GleanStages.resources" "$work/resources"
check "GLEAN_RESOURCES: the resources in another folder give the same output" bash -c "
    cd '$work/empty' && env -i HOME='$work/home' PATH=/usr/bin:/bin GLEAN_RESOURCES='$work/resources' \
        '$work/glean-copy/glean' run quickstart.yaml -i news.jsonl --summary none | cmp -s - '$work/normal-quickstart.jsonl'"
check "no resources anywhere: glean fails and says where it looked" bash -c "
    cd '$work/empty' && ! env -i HOME='$work/home' PATH=/usr/bin:/bin GLEAN_RESOURCES='$work/nowhere' \
        '$work/glean-copy/glean' run quickstart.yaml -i news.jsonl --summary none 2>'$work/missing.txt' >/dev/null &&
    grep -q 'GLEAN_RESOURCES' '$work/missing.txt'"
mv "$work/resources" "$work/glean-copy/Glean_GleanStages.resources"

# Sizes and start-up: --version (process start) and one document through the quickstart pipeline
# (start, language model load, one document), best of five.
best() { # best SECONDS-COMMAND…: the fastest of five runs, in milliseconds
    local fastest=999999
    for _ in 1 2 3 4 5; do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        local ms=$(((end - start) / 1000000))
        [ "$ms" -lt "$fastest" ] && fastest=$ms
    done
    echo "$fastest"
}
head -1 "$work/empty/news.jsonl" >"$work/empty/one.jsonl"
version_ms=$(best isolated "$work/glean-copy/glean" --version)
one_ms=$(best isolated "$work/glean-copy/glean" run quickstart.yaml -i one.jsonl --summary none)
normal_one_ms=$(best bash -c "cd '$work/empty' && '$reference' run quickstart.yaml -i one.jsonl --summary none")
echo "sizes: glean $(du -h "$package/glean" | cut -f1), folder $(du -sh "$package" | cut -f1), archive $(du -h "${package%/}.tar.gz" 2>/dev/null | cut -f1)"
echo "start-up (best of 5): glean --version ${version_ms} ms; one document through quickstart ${one_ms} ms (the normal build: ${normal_one_ms} ms)"
echo "links dynamically: $(ldd "$package/glean" | awk '{print $1}' | grep -v vdso | tr '\n' ' ')"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
