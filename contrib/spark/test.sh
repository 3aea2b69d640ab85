#!/usr/bin/env bash
# Runs contrib/spark/test_spark.py: installs pyspark from PyPI into .build/contrib-venv (Java 17 or
# later must be installed), then Spark local[2] over a generated corpus with bad lines, checked
# against a plain glean run. Skipped, saying so, only when pyspark cannot be installed.
#   contrib/spark/test.sh [PACKAGE_FOLDER] [test_spark.py options…]
set -euo pipefail
cd "$(dirname "$0")/../.."
package=${1:-dist/glean-linux-x86_64}
shift || true
if [ ! -x "$package/glean" ]; then
    echo "contrib/spark/test.sh: no glean in $package; run scripts/package.sh first" >&2
    exit 1
fi
venv=.build/contrib-venv
install_pyspark() {
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || return 1
    "$venv/bin/python" -c 'import pyspark' 2>/dev/null || "$venv/bin/pip" install -q pyspark
}
if ! install_pyspark; then
    echo "SKIPPED: the Spark test: pyspark could not be installed from PyPI into $venv"
    exit 0
fi
if ! command -v java >/dev/null; then
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi
"$venv/bin/python" contrib/spark/test_spark.py --package "$package" --work .build/spark-test "$@"
