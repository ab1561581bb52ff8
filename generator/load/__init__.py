"""Loading: an API's markdown pages found, read and parsed (with the page cache).

`sources` finds and reads the pages of an API folder (project-relative paths, no
symlinks out of the project) and runs parse → resolve on them; `pages` parses many
pages fast (a content-hash cache of parsed pages and a process pool).
"""
