"""The order a scan walks the selected targets in: the narrow ones before the broad ones.

When two selected targets reach the same folder (the thumbnail cache inside the user cache
folder), the engine gives each file to the first target that walks it. Walked in tree order,
"User cache folder" would take the thumbnails and "Thumbnail cache" would say 0 B; walked
narrow-first, each file is counted under the target that names it most precisely. What is
cleaned is the same either way.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from onecleaner.engine.env import Environment
from onecleaner.engine.guard import is_within
from onecleaner.engine.model import Target
from onecleaner.engine.planfile import current_roots

log = logging.getLogger(__name__)


def narrow_first(targets: Sequence[Target], env: Environment) -> tuple[Target, ...]:
    """The targets reordered so that one whose folder holds another's comes after it.

    Otherwise the order is kept (a stable order: targets that share no folder stay as given).
    """
    roots: dict[str, tuple[str, ...]] = {}
    for target in targets:
        try:
            roots[target.id] = current_roots(target, env)
        except Exception:  # a root that cannot be expanded: the scan will say why
            log.debug("no roots for %s", target.id, exc_info=True)
            roots[target.id] = ()

    def holds(broad: Target, narrow: Target) -> bool:
        """Whether a root of `broad` strictly contains a root of `narrow`."""
        return any(
            outer != inner and is_within(inner, outer, env.os)
            for outer in roots[broad.id]
            for inner in roots[narrow.id]
        )

    remaining = list(targets)
    ordered: list[Target] = []
    while remaining:
        # The first target that holds none of the others left; a cycle keeps the given order.
        pick = next(
            (t for t in remaining if not any(holds(t, u) for u in remaining if u is not t)),
            remaining[0],
        )
        ordered.append(pick)
        remaining.remove(pick)
    return tuple(ordered)
