"""The spaCy pipelines postguard ships: `postguard_en` (person names), built by `make model`
from `config.cfg` and `train/make_data.py`. Installed as the package `postguard.models`."""
