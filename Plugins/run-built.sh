#!/bin/sh
# Starts a plugin executable built with the Glean package (`swift build`): the release build if
# there is one, else the debug build. Usage in a manifest: command: [../run-built.sh, PRODUCT]
product="$1"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
for build in release debug; do
    if [ -x "$root/.build/$build/$product" ]; then exec "$root/.build/$build/$product" "$@"; fi
done
echo "$product: not built; run \`swift build --product $product\` in $root" >&2
exit 127
