#!/usr/bin/env bash
# Builds a glean that runs on any Linux x86-64 machine without a Swift toolchain:
#   dist/glean-linux-x86_64/glean                            the executable, Swift standard library and
#                                                            Foundation linked in (--static-swift-stdlib)
#   dist/glean-linux-x86_64/Glean_GleanStages.resources/     language model, gazetteers, tagger weights, cues
#   dist/glean-linux-x86_64.tar.gz                           the folder, packed
# Copy the folder (or unpack the archive) anywhere and run ./glean; a symbolic link to it from a
# folder on PATH works too. It still links the C library dynamically (glibc, libm, zlib), which
# every Linux distribution has. Built in its own scratch folder (.build-dist), so the normal
# .build is untouched; scripts/test-package.sh checks the result runs with the build folder gone.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-dist
name=glean-linux-x86_64
out=dist/$name
flags=(-c release --static-swift-stdlib --scratch-path "$scratch")

if ! pkg-config --exists zlib 2>/dev/null; then
    apt-get update -qq && apt-get install -y -qq zlib1g-dev pkg-config
fi
swift build "${flags[@]}" --product glean
bin=$(swift build "${flags[@]}" --show-bin-path)

rm -rf "$out" "dist/$name.tar.gz"
mkdir -p "$out"
cp "$bin/glean" "$out/glean"
# Debug information is most of the file; keep the symbol table so crash reports name functions.
strip --strip-debug "$out/glean"
cp -R "$bin/Glean_GleanStages.resources" "$out/"
mkdir -p "$out/licenses"
cp docs/licenses/* "$out/licenses/"
cat > "$out/README.txt" <<TEXT
glean $("$out/glean" --version) for Linux x86-64, built $(date -u +%Y-%m-%d) from $(git rev-parse --short HEAD 2>/dev/null || echo "a source tree").
Run ./glean from this folder, or link it into a folder on PATH; keep Glean_GleanStages.resources beside
it (or name its folder in GLEAN_RESOURCES). Needs only glibc and zlib, present on every Linux.
Documentation: docs/ in the Glean repository (docs/scaling-out.md for clusters). Licences: licenses/.
TEXT
tar -C dist -czf "dist/$name.tar.gz" "$name"

size() { du -sh "$1" | cut -f1; }
echo "package: $out ($(size "$out"); glean $(size "$out/glean")), dist/$name.tar.gz ($(size "dist/$name.tar.gz"))"
echo "dynamic libraries: $(ldd "$out/glean" | awk '{print $1}' | tr '\n' ' ')"
