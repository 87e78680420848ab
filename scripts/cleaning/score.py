#!/usr/bin/env python3
"""Scores a bench-clean run in BENCH_DIR: speed, peak memory, PII precision and recall
against the generator's truth, near-duplicate recall. Prints a plain-text report."""
import collections
import glob
import json
import re
import sys

D = sys.argv[1]
truth = json.load(open(f"{D}/truth.json"))
corpus = {}
for line in open(f"{D}/corpus/corpus.jsonl", encoding="utf-8"):
    doc = json.loads(line)
    corpus[doc["id"]] = doc["text"]
size_mb = sum(len(t.encode()) for t in corpus.values()) / 1e6
n_docs = len(corpus)


def peak_rss_mb(name):
    text = open(f"{D}/time-{name}.txt").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024


def bench_line(name):
    for line in open(f"{D}/{name}.log", encoding="utf-8"):
        if line.startswith("BENCH "):
            return json.loads(line[6:])
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit(f"no figures in {D}/{name}.log")


def read_jsonl(pattern):
    out = {}
    for path in glob.glob(pattern):
        for line in open(path, encoding="utf-8"):
            doc = json.loads(line)
            # datatrove's writer drops "id"; the generator repeats it in metadata.
            key = doc["id"] if "id" in doc else doc["metadata"]["doc_id"]
            out[int(key)] = doc["text"]
    return out


# --- speed ---------------------------------------------------------------------------
rows = []
ours_pipe, dt_pipe = bench_line("ours-pipeline"), bench_line("dt-pipeline")
ours_nd, dt_nd, ds_nd = bench_line("ours-near-dedup"), bench_line("dt-minhash"), bench_line("datasketch")
print(f"corpus: {n_docs} documents, {size_mb:.1f} MB (seed and size from BENCH_SEED/BENCH_DOCS)\n")
print(f"{'run':44} {'seconds':>8} {'docs/s':>9} {'MB/s':>7} {'peak RSS MB':>12}")


def row(label, seconds, rss):
    print(f"{label:44} {seconds:8.2f} {n_docs / seconds:9.0f} {size_mb / seconds:7.2f} {rss:12.0f}")
    return n_docs / seconds


a = row("ours normalize→pii→quality (incl. JSON I/O)", ours_pipe["seconds_total"], peak_rss_mb("ours-pipeline"))
a_steps = n_docs / ours_pipe["seconds_steps"]
print(f"{'  ours, steps only (no JSON parse/write)':44} {ours_pipe['seconds_steps']:8.2f} {a_steps:9.0f}")
b = row("datatrove Reader→PII→Gopher→Writer", dt_pipe["seconds"], peak_rss_mb("dt-pipeline"))
c = row("ours near-dedup (incl. JSON I/O)", ours_nd["seconds_total"], peak_rss_mb("ours-near-dedup"))
c_steps = n_docs / ours_nd["seconds_steps"]
print(f"{'  ours, MinHash+LSH only':44} {ours_nd['seconds_steps']:8.2f} {c_steps:9.0f}")
d = row("datatrove MinHash (4 stages)", dt_nd["seconds"], peak_rss_mb("dt-minhash"))
e = row("datasketch MinHash + LSH", ds_nd["seconds"], peak_rss_mb("datasketch"))
print(f"\nratios: pipeline ours/datatrove = {a / b:.1f}x (steps only {a_steps / b:.1f}x); "
      f"near-dedup ours/datatrove = {c / d:.1f}x, ours/datasketch = {c / e:.1f}x "
      f"(MinHash only: {c_steps / d:.1f}x, {c_steps / e:.1f}x)")

# --- PII -----------------------------------------------------------------------------
ours = read_jsonl(f"{D}/ours-pii.jsonl")
dt = read_jsonl(f"{D}/dt-pii/out/*.jsonl")
tag_re = re.compile(r"<(EMAIL|PHONE|IP|CARD|IBAN|SSN|NIR|AHV|URL_CREDENTIALS)>")
inj = collections.Counter()
tp, fp = collections.Counter(), collections.Counter()
gone_ours, gone_dt = collections.Counter(), collections.Counter()
# Copies (exact or near) repeat their source's PII without truth entries: score originals only.
copies = {int(i) for i in truth["exact_dup_of"]} | {int(i) for i in truth["near_dup_of"]}
for doc_id, text in corpus.items():
    if doc_id in copies:
        continue
    items = truth["pii"].get(str(doc_id), [])
    want = collections.Counter(kind for kind, _ in items)
    got = collections.Counter(tag_re.findall(ours.get(doc_id, "")))
    for kind in set(want) | set(got):
        tp[kind] += min(want[kind], got[kind])
        fp[kind] += max(0, got[kind] - want[kind])
    for kind, value in items:
        inj[kind] += 1
        gone_ours[kind] += value not in ours.get(doc_id, value)
        gone_dt[kind] += value not in dt.get(doc_id, value)
misses = [(doc_id, v) for doc_id, vs in truth["near_miss"].items() for v in vs]
altered_ours = sum(v not in ours.get(int(i), v) for i, v in misses)
altered_dt = sum(v not in dt.get(int(i), v) for i, v in misses)
dt_replacements = ("email@example.com", "firstname.lastname@example.org", "22.214.171.124", "126.96.36.199",
                   "188.8.131.52", "184.108.40.206", "220.127.116.11", "18.104.22.168")
dt_tags = sum(dt.get(i, "").count(r) for i in corpus if i not in copies for r in dt_replacements)
print(f"\nPII ({sum(inj.values())} injected items; {len(misses)} near-misses that must survive)")
print(f"{'type':16} {'injected':>8} {'ours P':>7} {'ours R':>7} {'datatrove R':>12}")
for kind in sorted(inj):
    p = tp[kind] / max(1, tp[kind] + fp[kind])
    r = tp[kind] / inj[kind]
    print(f"{kind:16} {inj[kind]:8} {p:7.3f} {r:7.3f} {gone_dt[kind] / inj[kind]:12.3f}")
all_tp, all_fp = sum(tp.values()), sum(fp.values())
print(f"{'all':16} {sum(inj.values()):8} {all_tp / max(1, all_tp + all_fp):7.3f} "
      f"{all_tp / sum(inj.values()):7.3f} {sum(gone_dt.values()) / sum(inj.values()):12.3f}")
dt_detected = sum(gone_dt.values())
print(f"near-misses altered: ours {altered_ours}/{len(misses)}, datatrove {altered_dt}/{len(misses)}; "
      f"datatrove replacements {dt_tags} for {dt_detected} detected items "
      f"(precision ≈ {min(dt_detected, dt_tags) / max(1, dt_tags + altered_dt):.3f} on e-mail/IP)")

# --- near-duplicates -----------------------------------------------------------------
removed = {"ours": set(ours_nd["removed_near_dup"]), "datasketch": set(ds_nd["removed"]),
           "datatrove": set(read_jsonl(f"{D}/dt-minhash/removed/*.jsonl"))}
pairs = [(int(c), s) for c, s in truth["near_dup_of"].items()]
exact = [(int(c), s) for c, s in truth["exact_dup_of"].items()]
related = {x for p in pairs + exact for x in p}
junk = set(truth["junk"])
print(f"\nnear-duplicates: {len(pairs)} injected near-duplicate pairs (≈2.5% of words changed), "
      f"{len(exact)} exact copies")
for name, gone in removed.items():
    recall = sum(c in gone or s in gone for c, s in pairs) / max(1, len(pairs))
    exact_recall = sum(c in gone or s in gone for c, s in exact) / max(1, len(exact))
    stray = gone - related
    print(f"  {name:11} removed {len(gone):6}  near-dup recall {recall:.3f}  exact-copy recall {exact_recall:.3f}"
          f"  removed outside injected pairs {len(stray)} (junk {len(stray & junk)}, prose {len(stray - junk)})")
