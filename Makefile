# The two commands of the README: `make demo` and `make test`. Both set everything up first.
VENV := .venv
BIN := $(VENV)/bin
export OMP_THREAD_LIMIT := 1

.PHONY: setup demo test lint bench clean model harm-model

setup:
	@bash scripts/setup.sh

demo: setup
	@echo "\$$ postguard scan examples/draft.txt"
	-@$(BIN)/postguard scan examples/draft.txt; echo "(exit code $$?)"

test: setup
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

# Rebuild the person-name pipeline in models/postguard_en (fixed seeds; a few minutes).
model: setup
	$(BIN)/python models/train/make_data.py build/model-data
	$(BIN)/python -m spacy train models/config.cfg --paths.train build/model-data/train.spacy \
		--paths.dev build/model-data/dev.spacy --output build/model
	rm -rf models/postguard_en && cp -r build/model/model-best models/postguard_en
	$(BIN)/python models/export_fast.py models/postguard_en
	$(BIN)/python -m spacy evaluate models/postguard_en build/model-data/dev.spacy

# Rebuild the harm model in src/postguard/data/harm from models/train/harm/texts (fixed seeds:
# the same texts give the same files; about a minute). scikit-learn is needed here only.
harm-model: setup
	$(BIN)/python models/train/harm/train.py
