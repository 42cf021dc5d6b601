"""The ``hadath`` command line: a thin layer over the runner, the store and the exporter."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hadath.errors import HadathError

DEFAULT_DB = "hadath.duckdb"


def _cmd_run(args: argparse.Namespace) -> int:
    from hadath.runner import Runner
    from hadath.store.db import Store

    with Store(args.db) as store:
        report = Runner(store).run(args.inputs, outlet=args.outlet, progress=not args.quiet)
    print(f"hadath: {report.summary()}", file=sys.stderr)
    return 0 if report.ok else 1


def _cmd_export(args: argparse.Namespace) -> int:
    from hadath.export import export
    from hadath.store.db import Store

    with Store(args.db, read_only=True) as store:
        count = export(store, args.what, args.format, args.output)
    print(f"hadath: exported {count} {args.what}", file=sys.stderr)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from hadath.store.db import Store
    from hadath.summary import summarize

    with Store(args.db, read_only=True) as store:
        print(summarize(store))
    return 0


def _cmd_eval_ner(args: argparse.Namespace) -> int:
    from hadath.entities.evaluate import evaluate_file
    from hadath.entities.tagger import Tagger

    report = evaluate_file(args.file, Tagger.load(args.model))
    print(report.as_table())
    print(report.as_json())
    return 0


def _cmd_eval_events(args: argparse.Namespace) -> int:
    import tempfile

    from hadath.events.evaluate import run_and_evaluate

    with tempfile.TemporaryDirectory() as workdir:
        report = run_and_evaluate(args.gold, workdir, min_confidence=args.min_confidence)
        print(report.as_table())
        if args.by_confidence:
            print(_confidence_table(args.gold, Path(workdir)))
    if args.json:
        import json

        print(json.dumps(report.as_dict(), ensure_ascii=False))
    return 0


def _confidence_table(gold_path: str, workdir: Path) -> str:
    from hadath.events.evaluate import EVAL_DB, confidence_table, load_gold
    from hadath.store.db import Store

    with Store(workdir / EVAL_DB, read_only=True) as store:
        return confidence_table(load_gold(gold_path), store)


def build_parser() -> argparse.ArgumentParser:
    from hadath.export import FORMATS, KINDS

    parser = argparse.ArgumentParser(
        prog="hadath", description="Arabic news to a source-attributed event record."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="ingest files/directories and run the whole pipeline")
    run.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl, .html files or dirs")
    run.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    run.add_argument("--outlet", help="outlet name for inputs that do not carry one")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress on standard error")
    run.set_defaults(func=_cmd_run)

    exp = sub.add_parser("export", help="export stored records")
    exp.add_argument("--what", required=True, choices=KINDS)
    exp.add_argument("--db", default=DEFAULT_DB)
    exp.add_argument("--format", default="jsonl", choices=FORMATS)
    exp.add_argument("-o", "--output", help="output file (default: standard output)")
    exp.set_defaults(func=_cmd_export)

    evaluate = sub.add_parser("eval", help="measure hadath against gold annotations")
    what = evaluate.add_subparsers(dest="what", required=True)
    ner = what.add_parser("ner", help="entity tagger on a CoNLL file (token TAG lines)")
    ner.add_argument("file", metavar="FILE")
    ner.add_argument("--model", help="CRF model file (default: the shipped one)")
    ner.set_defaults(func=_cmd_eval_ner)
    events = what.add_parser("events", help="events of a run against gold sentences (JSONL)")
    events.add_argument("gold", metavar="GOLD.jsonl")
    events.add_argument("--json", action="store_true", help="also print the report as JSON")
    events.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                        help="score only events whose confidence is at least X")
    events.add_argument("--by-confidence", action="store_true",
                        help="also print micro scores at confidence 0, 0.1 ... 0.6")
    events.set_defaults(func=_cmd_eval_events)

    summary = sub.add_parser("summary", help="a readable summary of what is stored")
    summary.add_argument("--db", default=DEFAULT_DB)
    summary.set_defaults(func=_cmd_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except HadathError as exc:
        print(f"hadath: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("hadath: interrupted; what was committed is kept", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
