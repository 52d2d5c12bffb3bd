"""Access matrix rows for the bencana app's routes."""

MATRIX: dict = {}
NOT_PAGES: set[str] = set()
