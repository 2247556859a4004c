"""The Clean page: choose targets, scan, review the files, clean, read the results."""
