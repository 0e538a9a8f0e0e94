"""The ``peristiwa`` command line: a thin layer over flows/ and warehouse/."""

from peristiwa.cli.app import app

__all__ = ["app"]
