"""Finders (no Qt): the usage map of a folder, and large, old and build-artefact finders
whose plans go through the same re-checked clean as the catalog's."""
