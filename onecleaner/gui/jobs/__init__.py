"""Background work: workers on their own threads."""
