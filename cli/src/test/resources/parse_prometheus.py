"""Parses a Prometheus text exposition with the Prometheus project's own Python parser (prometheus_client).

Prints one line per metric family (TYPE<tab>name<tab>type) and per sample other than a histogram's buckets
(SAMPLE<tab>name{labels}<tab>value), then each *_count summed over its label sets. The parser raises on
anything the format does not allow, and the script then exits non-zero.
"""
import sys

from prometheus_client.parser import text_string_to_metric_families

totals = {}
with open(sys.argv[1], encoding="utf-8") as exposition:
    for family in text_string_to_metric_families(exposition.read()):
        print("TYPE\t%s\t%s" % (family.name, family.type))
        for sample in family.samples:
            labels = ",".join('%s="%s"' % (k, v) for k, v in sorted(sample.labels.items()) if k != "le")
            if sample.name.endswith("_count"):
                totals[sample.name] = totals.get(sample.name, 0) + sample.value
            if "le" not in sample.labels:
                print("SAMPLE\t%s%s\t%r" % (sample.name, "{%s}" % labels if labels else "", sample.value))
for name, value in totals.items():
    print("SAMPLE\t%s\t%r" % (name, value))
