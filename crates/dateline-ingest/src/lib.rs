//! Reading pages: files, directories, stdin, WARC archives and URLs.
