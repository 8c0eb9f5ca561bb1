#!/usr/bin/env python3
"""Loads every CSV (and JSON) file named on the command line in polars, duckdb
and pandas with no options and checks the types a reader infers: a column
whose non-empty cells all read as numbers (Python float()) must load as a
numeric dtype in all three, and no non-empty text cell may load as null (the
pandas default NA words such as None, NA, null). A column empty in every row is
a problem (polars and duckdb read it as text) unless it is one of dmm's text
columns that may be empty (TEXT_MAY_BE_EMPTY). Prints one line per problem and
exits 1 if there is any, else prints "ok N files" and exits 0.

    python3 Tests/DataFrames/check_csv.py notebooks-data/*.csv out.csv out.json ...

Driven by swift test (Tests/DMMTests/DataFrameTests.swift) over every kind of
file dmm writes; docs/DATA.md states the rules the files follow."""
import csv
import json
import sys

import duckdb
import pandas as pd
import polars as pl


def is_number(text):
    try:
        float(text)
        return text.strip().lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")
    except ValueError:
        return False


# Text columns of dmm outputs that are empty in some files (no error, no tie, no
# runner-up, a Monte Carlo row's exactness); they load as text or, in pandas, as
# an all-null column, which is what they are.
TEXT_MAY_BE_EMPTY = {"error", "exactness", "tied_with", "runner_up", "baseline"}


def check_json(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    if not records:
        return problems
    keys = list(records[0].keys())
    numeric = [k for k in keys
               if all(r[k] is None or (isinstance(r[k], (int, float)) and not isinstance(r[k], bool)) for r in records)
               and any(r[k] is not None for r in records)]
    polars_frame = pl.read_json(path)
    duck = duckdb.sql(f"select * from read_json_auto('{path}')")
    duck_types = dict(zip(duck.columns, duck.types))
    pandas_frame = pd.read_json(path)
    for k in numeric:
        if not polars_frame.schema[k].is_numeric():
            problems.append(f"{path}: polars reads numeric key '{k}' as {polars_frame.schema[k]}")
        if str(duck_types[k]) not in NUMERIC_DUCK:
            problems.append(f"{path}: duckdb reads numeric key '{k}' as {duck_types[k]}")
        if not pd.api.types.is_numeric_dtype(pandas_frame[k]):
            problems.append(f"{path}: pandas reads numeric key '{k}' as {pandas_frame[k].dtype}")
    for k in keys:
        if all(r[k] is None for r in records) and k not in TEXT_MAY_BE_EMPTY:
            problems.append(f"{path}: key '{k}' is null in every record, so it has no type")
    return problems


NUMERIC_DUCK = ("DOUBLE", "FLOAT", "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "DECIMAL")


def check(path):
    if path.endswith(".json"):
        return check_json(path)
    problems = []
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    empty = [i for i in range(len(header)) if all(r[i] == "" for r in body)]
    for i in empty:
        if header[i] not in TEXT_MAY_BE_EMPTY:
            problems.append(f"{path}: column '{header[i]}' is empty in every row, so readers type it as text")
    numeric = [i for i in range(len(header)) if i not in empty and all(r[i] == "" or is_number(r[i]) for r in body)]
    text = [i for i in range(len(header)) if i not in numeric and i not in empty]
    polars_frame = pl.read_csv(path)
    duck_types = dict(zip(duckdb.sql(f"select * from read_csv_auto('{path}')").columns,
                          duckdb.sql(f"select * from read_csv_auto('{path}')").types))
    pandas_frame = pd.read_csv(path)
    for i in numeric:
        name = header[i]
        if not polars_frame.schema[name].is_numeric():
            problems.append(f"{path}: polars reads numeric column '{name}' as {polars_frame.schema[name]}")
        duck = str(duck_types[name])
        if duck not in NUMERIC_DUCK:
            problems.append(f"{path}: duckdb reads numeric column '{name}' as {duck}")
        if not pd.api.types.is_numeric_dtype(pandas_frame[name]):
            problems.append(f"{path}: pandas reads numeric column '{name}' as {pandas_frame[name].dtype}")
    for i in text:
        name = header[i]
        for row_number, row in enumerate(body):
            if row[i] != "" and pd.isna(pandas_frame[name].iloc[row_number]):
                problems.append(f"{path}: pandas turns '{row[i]}' in column '{name}' (row {row_number + 1}) into null")
                break
    return problems


def main(paths):
    problems = []
    for path in paths:
        try:
            problems += check(path)
        except Exception as error:  # a reader that refuses the file is the worst problem
            problems.append(f"{path}: cannot be read without options: {type(error).__name__}: {str(error).splitlines()[0]}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"ok {len(paths)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
