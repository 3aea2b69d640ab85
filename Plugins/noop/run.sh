#!/bin/sh
# Starts the noop plugin built with the Glean package: the release build if present.
root="$(cd "$(dirname "$0")/../.." && pwd)"
for build in release debug; do
    if [ -x "$root/.build/$build/glean-noop-plugin" ]; then exec "$root/.build/$build/glean-noop-plugin" "$@"; fi
done
echo "noop: not built; run \`swift build --product glean-noop-plugin\` in $root" >&2
exit 127
