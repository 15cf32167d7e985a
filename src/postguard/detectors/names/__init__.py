"""Person names: a child's full name in a post (the rules, the context words around a
candidate, and postguard's own name model read in numpy). `detector` is the detector,
`lexicons` its word lists, `context` the words around a name, `well_known` well-known people,
`who_is_named` who a run is from the words around it (a placeholder, a thing, a pet, a host
parent), `lowercase_names` names written without capitals after a cue, `model_windows` what
the model reads, `model` / `tokenizer` / `export` the shipped pipeline."""

from .detector import MODEL_NAME, PersonNameDetector, load_pipeline, model_path

__all__ = ["MODEL_NAME", "PersonNameDetector", "load_pipeline", "model_path"]
