"""``python -m graphkit``: the graphkit command line."""
import sys

from graphkit.cli import main

sys.exit(main())
