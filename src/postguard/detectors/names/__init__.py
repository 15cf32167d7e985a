"""Person names: a child's full name in a post (the rules, the context words around a
candidate, and postguard's own name model read in numpy). `detector` is the detector,
`context` the words around a name, `model` / `tokenizer` / `export` the shipped pipeline."""

from .detector import MODEL_NAME, PersonNameDetector, load_pipeline, model_path

__all__ = ["MODEL_NAME", "PersonNameDetector", "load_pipeline", "model_path"]
