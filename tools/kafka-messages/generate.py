"""Kafka messages as hetida designer v0.9.8's own code writes them (nothing of hetida is stored in this repo).

hetida's runtime is extracted from the git mirror like tools/runtime-components does it. Each case's values are parsed
from their direct-provisioning JSON with hetida's `hdutils.parse_value` (the objects a component would output), put into
hetida's `KafkaSingleValueMessage` / `KafkaMultiValueMessage` with a fixed creation time, and written with the models'
`.json()` - what hetida's kafka adapter sends (`serialize_message`). The result is
tests/Runwire.DataAdapters.Tests/Data/kafka-messages.json; Runwire's message writer must produce the same JSON.

    /usr/bin/python3 tools/kafka-messages/generate.py

hetida's kafka package imports aiokafka (not on Debian 12) at import time; sending and receiving are not used here,
so a stand-in module with empty client classes is written next to the extracted runtime.
"""
import datetime
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "tests", "Runwire.DataAdapters.Tests", "Data", "kafka-messages.json")
sys.path.insert(0, os.path.join(HERE, "..", "runtime-components"))

import hetida_runtime  # noqa: E402

CREATED = datetime.datetime(2026, 12, 8, 1, 2, 3, 456789, tzinfo=datetime.timezone.utc)
TRAFO = "78ee6b00-9239-4214-b9bf-a093647f33f5"
JOB = "4f1c2a9e-8d3b-4c6a-9e2f-1b7d5a3c8e01"

SERIES = '{"2024-01-01T00:00:00Z": 1.5, "2024-01-01T01:00:00Z": null, "2024-01-01T02:00:00Z": -0.1}'
INT_SERIES = '{"2024-01-01T00:00:00Z": 1, "2024-01-01T01:00:00Z": 7}'
FRAME = '{"a": {"0": 1.0, "1": 2.5}, "b": {"0": "x", "1": "y"}}'
MULTITS = ('{"timestamp": ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"], '
           '"metric": ["a", "b", "a"], "value": [1.5, 2.0, 3.25]}')

# (name, [(value key or None, hetida DataType, external type, output name, the value as direct provisioning takes it:
# JSON text, a STRING's text as it is)])
CASES = [
    ("single series(float)", [(None, "SERIES", "series(float)", "output", SERIES)]),
    ("single timeseries(int)", [(None, "SERIES", "timeseries(int)", "out", INT_SERIES)]),
    ("single dataframe", [(None, "DATAFRAME", "dataframe", "frame", FRAME)]),
    ("single multitsframe", [(None, "MULTITSFRAME", "multitsframe", "output", MULTITS)]),
    ("single metadata(float)", [(None, "FLOAT", "metadata(float)", "score", "0.1")]),
    ("single metadata(int)", [(None, "INT", "metadata(int)", "count", "42")]),
    ("single metadata(string)", [(None, "STRING", "metadata(string)", "status", 'ok \u00e4 "quoted" \\ {}')]),
    ("single metadata(boolean)", [(None, "BOOLEAN", "metadata(boolean)", "flag", "true")]),
    ("multi string and multitsframe", [
        ("status", "STRING", "metadata(string)", "quality", "checked"),
        ("frame", "MULTITSFRAME", "multitsframe", "cleaned", MULTITS),
    ]),
    ("multi series and float", [
        ("s", "SERIES", "timeseries(float)", "series_out", SERIES),
        ("x", "FLOAT", "metadata(float)", "mean", "2.5"),
    ]),
]


def main():
    runtime_dir = hetida_runtime._extract_runtime()
    hetida_runtime._write_stand_ins(runtime_dir)
    with open(os.path.join(runtime_dir, "aiokafka.py"), "w", encoding="utf8") as f:
        f.write('"""Stand-in written by tools/kafka-messages/generate.py."""\n'
                "class AIOKafkaProducer:\n    pass\n\n\nclass AIOKafkaConsumer:\n    pass\n\n\nclass ConsumerRecord:\n    pass\n")
    sys.path.insert(0, runtime_dir)
    os.environ.setdefault("LOG_LEVEL", "CRITICAL")

    from hdutils import parse_value
    from hetdesrun.adapters.kafka.models import (
        KafkaMessageValueRepresentation,
        KafkaMultiValueMessage,
        KafkaSingleValueMessage,
    )

    cases = []
    for name, values in CASES:
        representations = {
            key: KafkaMessageValueRepresentation(
                value=parse_value(text if data_type == "STRING" else json.loads(text), data_type, False),
                data_type=external, output_name=output)
            for key, data_type, external, output, text in values
        }
        if list(representations) == [None]:
            message = KafkaSingleValueMessage(
                transformation_id=TRAFO, job_id=JOB, message_creation_timestamp=CREATED, value=representations[None])
        else:
            message = KafkaMultiValueMessage(
                transformation_id=TRAFO, job_id=JOB, message_creation_timestamp=CREATED, values=representations)
        cases.append({
            "name": name,
            "values": [{"value_key": key, "data_type": data_type, "external_type": external, "output_name": output,
                        "value": text} for key, data_type, external, output, text in values],
            "expected": message.json(),
        })
    document = {
        "generated_with": "hetida designer v0.9.8 (hetdesrun.adapters.kafka.models, hdutils.parse_value); "
                          "tools/kafka-messages/generate.py",
        "transformation_id": TRAFO,
        "job_id": JOB,
        "message_creation_timestamp": CREATED.isoformat(),
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf8") as f:
        json.dump(document, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(cases)} messages written to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
