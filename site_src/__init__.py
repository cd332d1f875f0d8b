"""Build-time code of the static site; the MkDocs hooks stay thin around it."""
