"""The package's own exceptions. Only the CLI turns them into messages and exit codes."""
from __future__ import annotations


class ReconcileError(Exception):
    """Base class of every error reconcile raises on purpose."""


class QuantityError(ReconcileError):
    """A number mention could not be read."""


class DataFileError(ReconcileError):
    """A rule table (shipped or user-supplied) is malformed."""


class InputError(ReconcileError):
    """An input could not be read as an article."""


class ModelError(ReconcileError):
    """The spaCy pipeline named with --model is not installed or cannot be loaded."""


class MetadataError(ReconcileError):
    """The --meta file or --published date could not be read."""


class OutputError(ReconcileError):
    """A report could not be written where it was asked for."""


class StoryError(ReconcileError):
    """An option of :func:`reconcile.stories.group_stories` has a value it cannot use."""
