"""Access matrix rows for the sla app's routes."""

MATRIX: dict = {}
NOT_PAGES: set[str] = set()
