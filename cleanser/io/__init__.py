"""Input: decoding bytes to text (``decoding``), and reading WARC archives (``warc``)."""
