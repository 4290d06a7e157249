"""`make bench`: the banner's cost, measured against no banner and against other packages."""
