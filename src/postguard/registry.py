"""The detector registry: an object that finds detectors in the `postguard.detectors`
entry-point group (built-ins are registered there too) and loads each one lazily."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import metadata

from .codes import code_table
from .detectors.base import Detector
from .errors import PluginError

GROUP = "postguard.detectors"


class DetectorRegistry:
    def __init__(
        self,
        group: str = GROUP,
        extra: Mapping[str, type[Detector]] | None = None,
        *,
        use_entry_points: bool = True,
    ) -> None:
        self._group = group
        self._eps: dict[str, metadata.EntryPoint] | None = None if use_entry_points else {}
        self._loaded: dict[str, type[Detector]] = {}
        for name, cls in (extra or {}).items():
            self.register(name, cls)

    def _entry_points(self) -> dict[str, metadata.EntryPoint]:
        if self._eps is None:
            self._eps = {ep.name: ep for ep in metadata.entry_points(group=self._group)}
        return self._eps

    def names(self) -> list[str]:
        return sorted(set(self._entry_points()) | set(self._loaded))

    def builtin_names(self) -> list[str]:
        """The detectors postguard itself ships (entry points into the postguard package)."""
        return sorted(n for n, ep in self._entry_points().items()
                      if n not in self._loaded and ep.value.startswith("postguard."))

    def register(self, name: str, cls: type[Detector]) -> None:
        """Register a detector class by hand (plugins normally use the entry point)."""
        self._check(name, cls)
        self._loaded[name] = cls

    def get(self, name: str) -> type[Detector]:
        if name in self._loaded:
            return self._loaded[name]
        ep = self._entry_points().get(name)
        if ep is None:
            raise PluginError(
                f"unknown detector '{name}'; available: {', '.join(self.names())}",
                detector=name,
            )
        try:
            cls: type[Detector] = ep.load()
        except Exception as exc:  # a broken plugin must say which one
            raise PluginError(
                f"detector '{name}' ({ep.value}) could not be loaded: {type(exc).__name__}: {exc}",
                detector=name,
            ) from exc
        self._check(name, cls)
        self._loaded[name] = cls
        return cls

    @staticmethod
    def _check(name: str, cls: object) -> None:
        if not isinstance(cls, type) or not callable(getattr(cls, "detect", None)):
            raise PluginError(f"detector '{name}' is not a class with detect()", detector=name)
        declared = getattr(cls, "name", None)
        if declared != name:
            raise PluginError(
                f"detector registered as '{name}' calls itself '{declared}'", detector=name
            )
        codes = getattr(cls, "codes", ())
        if not codes:
            raise PluginError(f"detector '{name}' declares no finding codes", detector=name)
        table = code_table()
        undocumented = [c for c in codes if c not in table]
        if undocumented and cls.__module__.startswith("postguard."):
            raise PluginError(
                f"detector '{name}' declares undocumented codes {undocumented}; "
                "add them to postguard/data/codes.toml",
                detector=name,
            )
