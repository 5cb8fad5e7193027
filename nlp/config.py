"""One configuration object for the CLI, the Python API and every integration.

Defaults live in ``nlp/default.toml`` (commented key by key). A user file and
dotted ``key=value`` overrides are merged on top. Stage options are checked
against the stage's ``__init__`` signature when the pipeline is built.
"""
from __future__ import annotations

import copy
import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


def _default_dict() -> dict[str, Any]:
    with resources.files("nlp").joinpath("default.toml").open("rb") as fh:
        return tomllib.load(fh)


def _merge(base: dict, other: dict) -> dict:
    for k, v in other.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            _merge(base[k], v)
        else:
            base[k] = v
    return base


def _parse_value(raw: str) -> Any:
    """Parse an override value as TOML (numbers, booleans, lists, quoted strings),
    falling back to a bare string."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _split_key(key: str) -> list[str]:
    # stage names contain dots ("clean.seo"): stages.<name...>.<option>
    parts = key.split(".")
    if parts[0] == "stages" and len(parts) >= 3:
        return ["stages", ".".join(parts[1:-1]), parts[-1]]
    return parts


@dataclass
class Config:
    """Resolved configuration.

    Attributes:
        data (dict): the merged TOML tree: ``pipeline``, ``decode``, ``limits``,
            ``stages.<name>``.
    """

    data: dict[str, Any] = field(default_factory=_default_dict)

    @classmethod
    def load(cls, path: str | Path | None = None, overrides: dict[str, Any] | list[str] | None = None) -> Config:
        """Build a config from the defaults, an optional TOML file and overrides.

        Args:
            path: a TOML file whose tables are merged over the defaults.
            overrides: ``{"stages.convert.mode": "t2s"}`` or ``["stages.convert.mode=t2s"]``.
        """
        data = _default_dict()
        if path is not None:
            try:
                with open(path, "rb") as fh:
                    _merge(data, tomllib.load(fh))
            except FileNotFoundError:
                raise ConfigError(f"Config file not found: {path}") from None
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"Config file {path} is not valid TOML: {e}") from None
        cfg = cls(data)
        if overrides:
            cfg = cfg.override(overrides)
        return cfg

    def override(self, overrides: dict[str, Any] | list[str]) -> Config:
        """A copy with dotted-key overrides applied."""
        data = copy.deepcopy(self.data)
        items: list[tuple[str, Any]]
        if isinstance(overrides, dict):
            items = list(overrides.items())
        else:
            items = []
            for item in overrides:
                if "=" not in item:
                    raise ConfigError(f"Override '{item}' must look like section.key=value.")
                k, v = item.split("=", 1)
                items.append((k.strip(), _parse_value(v.strip())))
        for key, value in items:
            parts = _split_key(key)
            node = data
            for p in parts[:-1]:
                node = node.setdefault(p, {})
                if not isinstance(node, dict):
                    raise ConfigError(f"Override '{key}': '{p}' is not a section.")
            node[parts[-1]] = value
        return Config(data)

    # --- accessors -------------------------------------------------------
    @property
    def stages(self) -> list[str]:
        stages = self.data.get("pipeline", {}).get("stages", [])
        if not isinstance(stages, list) or not all(isinstance(s, str) for s in stages):
            raise ConfigError("pipeline.stages must be a list of stage names.")
        return stages

    def stage_options(self, name: str) -> dict[str, Any]:
        return dict(self.data.get("stages", {}).get(name, {}))

    def section(self, name: str) -> dict[str, Any]:
        return dict(self.data.get(name, {}))

    def with_stages(self, stages: list[str]) -> Config:
        return self.override({"pipeline.stages": list(stages)})

    def resolved(self) -> dict[str, Any]:
        """The config with every listed stage's options filled from its signature."""
        from . import registry

        data = copy.deepcopy(self.data)
        for name in self.stages:
            opts = registry.options_of(registry.get(name))
            opts.update(data.setdefault("stages", {}).get(name, {}))
            data["stages"][name] = opts
        return data

    def to_json(self) -> str:
        return json.dumps(self.resolved(), ensure_ascii=False, sort_keys=True)

    def to_toml(self) -> str:
        import tomli_w

        def clean(d):
            return {k: clean(v) if isinstance(v, dict) else v for k, v in d.items() if v is not None}

        return tomli_w.dumps(clean(self.resolved()))
