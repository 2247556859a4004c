"""The Settings page: General, Privacy, About."""
