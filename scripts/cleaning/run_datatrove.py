#!/usr/bin/env python3
"""Runs datatrove 0.10.1 on the bench corpus, one task, one worker; prints one JSON line.

Usage: run_datatrove.py pipeline|pii|minhash CORPUS_DIR WORK_DIR
  pipeline: JsonlReader → PIIFormatter → GopherQualityFilter → JsonlWriter
  pii:      JsonlReader → PIIFormatter → JsonlWriter (for precision and recall)
  minhash:  MinhashDedupSignature → Buckets → Cluster → Filter, datatrove's defaults
            (5-grams, 14 buckets × 8 hashes, 64-bit), removed documents to WORK_DIR/removed
"""
import json
import os
import sys
import time

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster,
                                              MinhashDedupFilter, MinhashDedupSignature)
from datatrove.pipeline.filters import GopherQualityFilter
from datatrove.pipeline.formatters import PIIFormatter
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from datatrove.utils.hashing import HashConfig

mode, corpus, work = sys.argv[1], sys.argv[2], sys.argv[3]


def run(steps, logs, tasks=1):
    LocalPipelineExecutor(pipeline=steps, tasks=tasks, workers=1, logging_dir=f"{work}/logs/{logs}").run()


def reader():
    return JsonlReader(corpus, glob_pattern="corpus.jsonl")


start = time.time()
if mode == "pipeline":
    run([reader(), PIIFormatter(), GopherQualityFilter(), JsonlWriter(f"{work}/out", compression=None)], "pipeline")
elif mode == "pii":
    run([reader(), PIIFormatter(), JsonlWriter(f"{work}/out", compression=None)], "pii")
else:
    config = MinhashConfig(n_grams=5, num_buckets=14, hashes_per_bucket=8, hash_config=HashConfig(precision=64))
    run([reader(), MinhashDedupSignature(output_folder=f"{work}/sigs", config=config)], "sigs")
    # The bucket stage needs one task per bucket; they still run one after another.
    run([MinhashDedupBuckets(input_folder=f"{work}/sigs", output_folder=f"{work}/buckets", config=config)], "buckets",
        tasks=config.num_buckets)
    LocalPipelineExecutor(
        pipeline=[MinhashDedupCluster(input_folder=f"{work}/buckets", output_folder=f"{work}/clusters", config=config)],
        tasks=1, logging_dir=f"{work}/logs/clusters").run()
    run([reader(), MinhashDedupFilter(input_folder=f"{work}/clusters",
                                      exclusion_writer=JsonlWriter(f"{work}/removed", compression=None)),
         JsonlWriter(f"{work}/out", compression=None)], "filter")
print(json.dumps({"mode": mode, "seconds": time.time() - start}))
