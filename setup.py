"""Only here to ship the top-level `models/` folder as the package `postguard.models`
(pyproject.toml holds everything else). Each folder of a shipped pipeline is listed as a
data package so that setuptools copies its files into the wheel."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

HERE = Path(__file__).parent
pipeline_dirs = sorted(
    d.relative_to(HERE / "models")
    for d in (HERE / "models").glob("postguard_*/**")
    if d.is_dir()
)
model_packages = {
    "postguard.models." + ".".join(d.parts): f"models/{d.as_posix()}" for d in pipeline_dirs
}

setup(
    packages=[*find_namespace_packages("src", include=["postguard*"]), "postguard.models", *model_packages],
    package_dir={"": "src", "postguard.models": "models", **model_packages},
    package_data={"postguard.models": ["config.cfg"], **{p: ["*"] for p in model_packages}},
)
