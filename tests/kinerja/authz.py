"""Access matrix rows for the kinerja app's routes."""

MATRIX: dict = {}
NOT_PAGES: set[str] = set()
