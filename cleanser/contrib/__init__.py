"""Integrations with other tools; each module needs its extra installed.

* :mod:`cleanser.contrib.scrapy` — item pipeline and downloader middleware
  (``pip install "cleanser[scrapy]"``).
* :mod:`cleanser.contrib.spark` — pandas UDF and WARC reader for PySpark
  (``pip install "cleanser[spark]"``).
"""
