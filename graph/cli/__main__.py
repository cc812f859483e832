"""`python -m graph.cli` runs the newsgraph command."""
from . import main

main()
