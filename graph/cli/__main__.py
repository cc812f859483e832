"""`python -m graph.cli` runs the newsgraph command (under that name, so completion and usage lines match)."""
from . import main

main(prog_name="newsgraph")
