"""The three tables, read by label sequence and expected value counts (spec §H.4), never by the column
counts of extracted rows. One module per table; this one gathers them for the extractor."""

from __future__ import annotations

from xxgk.parse.cells import TableResult
from xxgk.parse.table1 import parse_table1
from xxgk.parse.table2 import parse_table2
from xxgk.parse.table3 import parse_table3

__all__ = ["TableResult", "parse_table1", "parse_table2", "parse_table3"]
