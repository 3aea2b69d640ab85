#!/usr/bin/env bash
# Writes the golden outputs the end-to-end tests compare with (Tests/GleanCLITests/Fixtures), from
# a fresh build, exactly as the tests run glean: the sample corpus through the quickstart and
# alignment-monitor pipelines (standard output), and the failures fixture (output and error file,
# written in a scratch folder so that no resume file lands among the fixtures).
#
#     scripts/regenerate-golden.sh            # then read `git diff Tests/GleanCLITests/Fixtures`
#
# Run it after a change that is meant to change the output (a retrained model, new names), and
# say in the commit what changed in the output and why.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product glean >/dev/null
glean="$(swift build --show-bin-path)/glean"
fixtures=Tests/GleanCLITests/Fixtures

for pipeline in quickstart alignment-monitor; do
    "$glean" run "Pipelines/$pipeline.yaml" -i Pipelines/samples/news.jsonl --progress never --summary none \
        >"$fixtures/$pipeline.expected.jsonl"
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
(cd "$fixtures/failures" && "$glean" run pipeline.yaml -i input.jsonl -o "$scratch/out.jsonl" \
    --errors "$scratch/out.errors.jsonl" --progress never 2>/dev/null) || status=$?
if [ "$status" != 3 ]; then
    echo "regenerate-golden: the failures fixture should end with status 3, got $status" >&2
    exit 1
fi
cp "$scratch/out.jsonl" "$fixtures/failures/expected.jsonl"
cp "$scratch/out.errors.jsonl" "$fixtures/failures/expected.errors.jsonl"
git status --short -- "$fixtures"
