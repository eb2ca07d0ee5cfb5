"""Allow ``python -m dermassist``."""

from dermassist.cli import main

raise SystemExit(main())
