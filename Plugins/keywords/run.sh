#!/bin/sh
# Starts the keywords plugin built with the Glean package: the release build if present.
root="$(cd "$(dirname "$0")/../.." && pwd)"
for build in release debug; do
    if [ -x "$root/.build/$build/glean-keywords" ]; then exec "$root/.build/$build/glean-keywords" "$@"; fi
done
echo "keywords: not built; run \`swift build --product glean-keywords\` in $root" >&2
exit 127
