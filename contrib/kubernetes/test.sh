#!/usr/bin/env bash
# Runs contrib/kubernetes/test_kubernetes.py: installs kubernetes-validate (the API schemas, offline)
# from PyPI into .build/contrib-venv, validates the manifests, and runs the Indexed Job's container
# script as N local pods and the merge Job's script, checked against one plain glean run.
# Skipped, saying so, only when kubernetes-validate cannot be installed.
#   contrib/kubernetes/test.sh [PACKAGE_FOLDER] [test_kubernetes.py options…]
set -euo pipefail
cd "$(dirname "$0")/../.."
package=${1:-dist/glean-linux-x86_64}
shift || true
if [ ! -x "$package/glean" ]; then
    echo "contrib/kubernetes/test.sh: no glean in $package; run scripts/package.sh first" >&2
    exit 1
fi
venv=.build/contrib-venv
install_validator() {
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || return 1
    [ -x "$venv/bin/kubernetes-validate" ] || "$venv/bin/pip" install -q kubernetes-validate
}
if ! install_validator; then
    echo "SKIPPED: the Kubernetes test: kubernetes-validate could not be installed from PyPI into $venv"
    exit 0
fi
"$venv/bin/python" contrib/kubernetes/test_kubernetes.py --package "$package" "$@"
