"""`python -m peristiwa` is the `peristiwa` command."""

from peristiwa.cli import app

app(prog_name="peristiwa")
