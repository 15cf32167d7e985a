"""Only here to ship the top-level `models/` folder as the package `postguard.models`
(pyproject.toml holds everything else)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "postguard.models"],
    package_dir={"": "src", "postguard.models": "models"},
)
