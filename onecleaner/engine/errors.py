"""Typed engine errors; the faces (CLI, GUI) turn them into messages for a person."""

from __future__ import annotations


class EngineError(Exception):
    """Base of the engine's errors: the message is written for a person."""


class CatalogError(EngineError):
    """The catalog could not be loaded at all (a single bad definition is a CatalogProblem)."""


class UnknownTarget(EngineError):
    """A target id that the catalog does not hold (or that does not exist on this OS)."""

    def __init__(self, target_id: str, hint: str = "") -> None:
        self.target_id = target_id
        msg = f"unknown target '{target_id}'"
        if hint:
            msg += f": {hint}"
        super().__init__(msg)


class PlanFileError(EngineError):
    """A saved plan that cannot be used (unreadable, malformed, from another OS, tampered)."""


class GuardRefusal(EngineError):
    """A root that resolves into a never-touch location."""
