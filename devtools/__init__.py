"""Tools for developers, not shipped in production: `make bench`, `make loadtest`, the archive
generators. Installed when settings.DEVTOOLS is on (DEBUG on, or DEVTOOLS=1)."""
