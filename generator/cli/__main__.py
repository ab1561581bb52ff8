"""``python -m generator.cli``: the ``md2sdk`` command."""

from generator.cli import main

main()
