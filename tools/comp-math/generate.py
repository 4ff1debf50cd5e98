"""Runs hetida v0.9.8's own component code on the cases below and writes the expected results as C# test data.

Usage (from the repository root, with the Debian reference Python that has pandas 1.5.3):
    /usr/bin/python3 tools/comp-math/generate.py
Writes tests/Runwire.Core.Tests/Components/<Category>/<Category>HetidaCases.g.cs.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from cases import *  # noqa: E402,F403
from hetida_runner import encode, load_mains, run  # noqa: E402

ADD, SUB, MUL, DIV = ("2abf72f6-68c9-7398-7175-165d31b3ced7", "10d27d69-e999-6654-3cef-427672aeb0fa",
                      "0438da97-f524-4a68-28c9-a88c81aa2c63", "6d510037-229e-8e85-56f3-4a3797fdf315")
ROUND, SIGN, ABS = ("50220962-16c0-c94f-8f0a-1e57d76e6878", "24f115a8-45ad-21f2-c6ce-8edfc28f3b3f",
                    "ea4a196f-5d94-d3cf-02e8-8c750414fc89")
MOD, POW, NTH, LOG = ("ebb5b2d1-7c25-94dd-ca81-6a9e5b21bc2f", "d24f40ae-4dfb-248f-6461-e67be3e5de8a",
                      "11152e31-cf25-4280-2b28-220319277011", "cd804f5d-76ea-1f8b-6adc-b4c4a78acaf4")
LN, SQRT, EXP = ("9f3ebd8c-92cf-deb1-09e9-d67ba16e9754", "40a03a56-5e3d-2695-07e4-9bcf0b1c3a39",
                 "0da30127-b4d1-5e0d-2621-2c59b891c9b0")
E_, PI = "13d3376a-9c08-d78f-8ad4-6d24fef504ca", "84337854-360a-bbc3-203c-f795d549076d"
INTEGRATE, DERIVATE = "dd73bac2-cd9d-61c5-0aec-9dec6f337516", "84bcdf4c-a068-3679-0cec-78bd6fcd3b48"
CONSEC, CUMSUM = "ce801dcb-8ce1-14ad-029d-a14796dcac92", "d2cc4c0d-303e-b0ad-fdba-73392e890b30"
SUMCOLS, SUMUP = "619cbd38-26b4-3d5e-14a0-721224b13bc7", "878d85a2-2cf5-235b-d260-fd94c734cec9"
TRIG = {"Sine": "2cc88d07-b151-dc5b-d4c4-cfd95a043de3", "Cosine": "1a83d0bb-2321-fd1a-8db4-22320b6eeb1c",
        "Tangent": "38eb0c5d-6182-0be2-3058-9b5bddc7842d", "Arcussine": "487008dc-1476-139c-5392-d5d0de1e6505",
        "Arcuscosine": "ba0783de-93ab-0eb2-87fd-a5e09aff9d87", "Arcustangent": "8b974f17-5055-80f2-64f5-96c6eff93a35"}
CMP = {"Equality": "9ccc8df5-5e68-46ff-bc2d-1fa82dae972c", "Inequality": "4ec3ef23-6bea-872d-1905-c9c6d06dddef",
       "Greater": "e6918e9e-aaaf-6f84-175a-fc2ac03ed85d", "GreaterOrEqual": "f759e4c0-1468-0f2e-9740-41302b860193",
       "Smaller": "9f33cbbc-3935-e9f3-a682-99579e96a4d0", "SmallerOrEqual": "8a7e43b9-ce04-796e-6b73-5ce67547122a"}
FILTER, FIRST, LAST = ("18260aab-bdd6-af5c-cac1-7bafde85188f", "c7dbb92b-4a4c-c6d2-6665-5ee7d4eeab91",
                       "c8e3bc64-b214-6486-31db-92a8888d8991")
RESTRICT, SELECT, SDQ = ("bf469c0a-d17c-ca6f-59ac-9838b2ff67ac", "a652465e-b479-1cc9-bf82-41f7cedc4963",
                         "3de190af-3103-4462-b5ba-2f431494abe8")

# numpy's SIMD transcendental functions (SVML on AVX-512 machines) may differ from libm by an ulp; hetida's golden
# cases agree with libm (np.sin(0.5) == 0.479425538604203), so these results are compared within 2 ulps.
LIBM_FUNCTIONS = {*TRIG.values(), LN, LOG, EXP, POW, NTH}

SERIES_CALCULUS = [
    ("unsorted-nan", {"data": S_UNSORTED}), ("int-values", {"data": S_INT}), ("numeric-index", {"data": S_NUM_INDEX}),
    ("duplicates", {"data": S_DUP}), ("naive", {"data": S_NAIVE}), ("str-index", {"data": S_STR_INDEX}),
    ("word-index", {"data": S_WORD_INDEX}), ("one-value", {"data": series([1.0], T[:1])}),
    ("all-nan", {"data": series([NAN, NAN], T[:2])}), ("dict", {"data": {"a": 1}}),
]

ROUND_CASES = [("float", 2.675, 2), ("half-even", 2.5, 0), ("negative-tiny", -0.125, 2), ("int-tens", 15, -1),
               ("int-25", 25, -1), ("bool", True, 1), ("float-negative-digits", 1234.5678, -2),
               ("float-zero-digits", -0.4, 0), ("inf", float("inf"), 2), ("series", series([2.675, 0.125, -2.5, NAN], T[:4]), 2),
               ("int-series-negative", S_INT, -1), ("frame", frame({"f": [1.25, 2.675], "i": [15, 25], "s": ["a", "b"]}, T[:2]), 1),
               ("str", "a", 2), ("list", [1.5], 0), ("bool-series", S_BOOL, 1), ("float-digits", 2.675, 2.0),
               ("frame-bool-column", frame({"f": [0.125], "flag": [True]}, T[:1]), 2), ("none-digits", 2.5, None),
               ("array", ARRAY, 1), ("large-digits", 0.1, 400), ("object-series", series([1.25, None], T[:2], dtype=object), 1)]

CATEGORIES = {
    "BasicArithmetic": (
        binary(ADD, ["a", "b"]) + binary(SUB, ["a", "b"]) + binary(MUL, ["a", "b"]) + binary(DIV, ["a", "b"])
        + unary(ABS) + unary(SIGN)
        + [(label, ROUND, {"data": d, "decimals": n}) for label, d, n in ROUND_CASES]),
    "Arithmetic": (
        binary(MOD, ["a", "b"]) + binary(POW, ["base", "exponent"]) + unary(LN) + unary(SQRT) + unary(EXP)
        + [(label, NTH, {"data": d, "n": n}) for label, d, n in [
            ("cube", 8, 3), ("square", 16.0, 2), ("zero", 8, 0), ("negative", -8, 3), ("series", S_NAN, 2), ("str", "a", 2)]]
        + [(label, LOG, {"data": d, "base": b}) for label, d, b in [
            ("ints", 8, 2), ("float", 100.0, 10), ("one-one", 1, 1), ("base-one", 5, 1), ("zero", 0, 2),
            ("series", S_NAN, 2), ("series-base", 2, S_NAN), ("str", "a", 2), ("bool", True, 2), ("frame", DF, 10),
            ("list", [1, 100], 10)]]
        + [("constant", E_, {}), ("constant", PI, {})]
        + [(label, cid, inputs) for cid in (INTEGRATE, DERIVATE, CONSEC) for label, inputs in SERIES_CALCULUS]
        + [(label, CUMSUM, inputs) for label, inputs in SERIES_CALCULUS + [
            ("frame", {"data": DF}), ("str-values", {"data": S_STR}), ("bool-values", {"data": S_BOOL}),
            ("object-numbers", {"data": series([2, None, 0.5], [T[2], T[0], T[1]], dtype=object)}),
            ("unsorted-frame", {"data": frame({"v": [1, 2, 3]}, [T[2], T[0], T[1]], attrs={"a": 1})})]]
        + [(label, SUMCOLS, {"dataframe": df, "result_series_name": "total"}) for label, df in [
            ("float", DF), ("mixed", DF_MIXED), ("strings", DF_STR), ("no-columns", frame({}, T[:2])),
            ("ints", frame({"a": [1, 2], "b": [True, True]}, T[:2])), ("series", S_NAN), ("dict", {"a": 1})]]
        + [(label, SUMUP, {"data": s}) for label, s in [
            ("nan", S_UNSORTED), ("int", S_INT), ("bool", S_BOOL), ("str", series(["a", "b"], T[:2])),
            ("str-nan", S_STR), ("empty", S_EMPTY), ("all-nan", series([NAN], T[:1])), ("dict", {"a": 1}),
            ("many", series(np.linspace(0.1, 300.7, 1000) ** 1.5, pd.RangeIndex(1000)))]]),
    "Trigonometric": [case for cid in TRIG.values() for case in unary(cid)],
    "Basic": (
        [case for cid in CMP.values() for case in compare(cid)]
        + [(label, FILTER, {"data": d, "filter_series": f}) for label, d, f in [
            ("series", S_NAN, series([1.0, 0.0, NAN, 1.0], [T[0], T[1], T[2], T[5]])),
            ("str-filter", S_NAN, series(["a", "", None, "b"], T[:4])), ("frame", DF, series([True, False, True], T[:3])),
            ("duplicate-filter", S_NAN, series([True, False], [T[0], T[0]])), ("duplicate-data", S_DUP, series([True, False], T[:2])),
            ("naive-filter", S_NAN, series([True], ts("2020-01-01", utc=False))), ("dict", {"a": 1}, series([True], T[:1])),
            ("int-filter", S_NAN, series([2, 0, -1, 0], T[:4])), ("datetime-filter", S_NAN, series(T[:4], T[:4])),
            ("same-index-duplicates", S_DUP, series([False, True, False, True], S_DUP.index)),
            ("not-series", S_NAN, [True])]]
        + [(label, cid, {"timeseries_data": d}) for cid in (FIRST, LAST) for label, d in [
            ("unsorted", S_UNSORTED), ("naive", S_NAIVE), ("nat", S_NAT_INDEX), ("empty", S_EMPTY), ("frame", DF),
            ("int-index", series([1.0], [5])), ("float-index", series([1.0, 2.0], [1.5, 0.5])),
            ("str-index", S_STR_INDEX), ("dict", {"a": 1}), ("empty-dict", {}), ("str", "abc"), ("int", 5),
            ("microseconds", series([1.0], ts("2020-01-01T00:00:00.123456Z")))]]
        + [(label, RESTRICT, {"data": d, "start": a, "stop": b}) for label, d, a, b in [
            ("series", S_UNSORTED, "2020-01-01T00:00:05Z", "2020-01-01T00:00:10Z"),
            ("no-zone", S_UNSORTED, "2020-01-01 00:00:05", "2020-01-01 00:00:20"),
            ("offset", S_UNSORTED, "2020-01-01T01:00:05+01:00", "2020-01-01T00:00:10Z"),
            ("open-start", S_UNSORTED, None, "2020-01-01T00:00:05Z"), ("open-stop", S_UNSORTED, "2020-01-01T00:00:06Z", None),
            ("naive", S_NAIVE, "2020-01-01T06:00:00Z", "2020-01-02"), ("frame", DF, "2020-01-01T00:00:01Z", "2021-01-01T00:00:00Z"),
            ("start-after-stop", S_UNSORTED, "2020-01-02", "2020-01-01"), ("bad-start", S_UNSORTED, "not a date", None),
            ("bad-stop-aware", S_UNSORTED, None, "not a date"), ("bad-stop-naive", S_NAIVE, "2020-01-01", "not a date"),
            ("int-start", S_UNSORTED, 5, None), ("empty", S_EMPTY, "2020-01-02", "2020-01-01"),
            ("naive-zulu", S_NAIVE, "2020-01-01T12:00:00Z", "2020-01-02T00:00:00Z"),
            ("unsorted-frame", frame({"v": [1, 2, 3]}, [T[2], T[0], T[1]]), "2020-01-01T00:00:04Z", "2020-01-01T00:00:10Z"),
            ("str-index", series([1.0, 2.0], ["2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z"]), "2020-01-02", None),
            ("dict", {"a": 1}, None, None), ("int-index", series([1.0, 2.0], [0, 10**18]), "1990-01-01", "2000-01-01")]]
        + [(label, SELECT, {"dataframe": d, "column": c}) for label, d, c in [
            ("records", frame({"a": [1, 3, 5], "b": [2.5, NAN, 7.0]}, pd.RangeIndex(3)), "b"), ("attrs", DF, "a"),
            ("missing", DF, "z"), ("dict", {"b": [1, 2]}, "b"), ("list", [1], "b"), ("none", None, "b")]]
        + [(label, SDQ, inputs) for label, inputs in [
            ("default", {"series": S_UNSORTED}), ("keep-nan", {"series": S_UNSORTED, "dropna": False}),
            ("duplicates", {"series": S_DUP}), ("numeric-index", {"series": S_NUM_INDEX}),
            ("int-values", {"series": S_INT}), ("str-index", {"series": S_STR_INDEX}), ("dict", {"series": {"a": 1}}),
            ("bool-values", {"series": S_BOOL}), ("named", {"series": S_NAN, "dropna": 0})]]),
}


def main():
    mains = load_mains({component_id for cases in CATEGORIES.values() for _, component_id, _ in cases})
    root = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Runwire.Core.Tests", "Components")
    for category, cases in CATEGORIES.items():
        lines = []
        seen = set()
        for label, component_id, inputs in cases:
            name = f"{mains[component_id].__globals__['COMPONENT_INFO']['name']} / {label}"
            assert name not in seen, name
            seen.add(name)
            case = {"name": name, "id": component_id, "inputs": {k: encode(v) for k, v in inputs.items()}}
            case.update(run(mains[component_id], inputs))
            text = json.dumps(case.get("outputs"))
            # values outside Runwire's value model: Python ints beyond 64 bits and complex numbers
            if '"bigint"' in text or '"complex"' in text:
                case["deviation"] = "OverflowError" if '"bigint"' in text else "NotSupportedError"
                del case["outputs"]
            if component_id in LIBM_FUNCTIONS:
                case["ulps"] = 2
            lines.append(json.dumps(case, ensure_ascii=False, allow_nan=False))
        body = ",\n".join(lines)
        path = os.path.join(root, category, f"{category}HetidaCases.g.cs")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("// <auto-generated>\n// Generated by tools/comp-math/generate.py: hetida v0.9.8's component code run under\n"
                    "// the reference Python (pandas 1.5.3, numpy 1.24.2). Do not edit; rerun the script.\n// </auto-generated>\n"
                    f"namespace Runwire.Core.Tests.Components.{category};\n\n"
                    f"internal static class {category}HetidaCases\n{{\n    public const string Json = \"\"\"\n[\n{body}\n]\n\"\"\";\n}}\n")
        print(f"{category}: {len(lines)} cases -> {os.path.relpath(path)}")


if __name__ == "__main__":
    main()
