"""The classroom and self-study kit (issue 17)."""
