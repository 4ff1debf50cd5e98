"""The worker as the host sees it: a real process on a real Unix socket (docs/python-worker-protocol.md)."""

import errno
import os
import pty
import struct
import subprocess
import sys
import textwrap
import unittest

from rwhost import WorkerProcess, key_of


def code(text):
    return textwrap.dedent(text).lstrip("\n")


ADD = code(
    """
    from hdutils import parse_default_value

    COMPONENT_INFO = {
        "inputs": {
            "a": {"data_type": "INT"},
            "b": {"data_type": "INT", "default_value": "2"},
        },
        "outputs": {"sum": {"data_type": "INT"}},
    }


    def main(*, a, b=parse_default_value(COMPONENT_INFO, "b")):
        return {"sum": a + b}
    """
)


class SharedWorkerTest(unittest.TestCase):
    """Tests that can share one worker (it must survive all of them)."""

    @classmethod
    def setUpClass(cls):
        cls.worker = WorkerProcess()

    @classmethod
    def tearDownClass(cls):
        cls.worker.close()

    def call(self, text, inputs=None, **kwargs):
        return self.worker.call(text, inputs, **kwargs)[0]

    def result(self, text, inputs=None):
        answer = self.call(text, inputs)
        self.assertEqual(answer["op"], "result", answer)
        return answer["outputs"]

    def error(self, text, inputs=None, stage="call"):
        answer = self.call(text, inputs)
        self.assertEqual(answer["op"], "error", answer)
        self.assertEqual(answer["stage"], stage, answer)
        return answer


class StartAndLoadTest(SharedWorkerTest):
    def test_ready_names_python_and_libraries(self):
        ready = self.worker.ready
        self.assertEqual(ready["op"], "ready")
        self.assertEqual(ready["pid"], self.worker.process.pid)
        self.assertTrue(ready["python"].startswith("3."))
        self.assertIn("pandas", ready["versions"])
        self.assertIn("numpy", ready["versions"])

    def test_component_info_style_load_and_call(self):
        loaded = self.worker.load(ADD)
        self.assertEqual(loaded, {"op": "loaded", "key": key_of(ADD), "is_async": False})
        self.assertEqual(self.worker.call(ADD, {"a": {"k": "int", "v": 40}}, send_code=False)[0]["outputs"],
                         {"sum": {"k": "int", "v": 42}})
        outputs = self.result(ADD, {"a": {"k": "int", "v": 1}, "b": {"k": "int", "v": 5}})
        self.assertEqual(outputs, {"sum": {"k": "int", "v": 6}})

    def test_register_decorator_style(self):
        text = code(
            """
            from hetdesrun.component.registration import register
            from hetdesrun.datatypes import DataType
            from hetdesrun.utils import plotly_fig_to_json_dict


            @register(inputs={"x": DataType.Float}, outputs={"y": DataType.Float, "t": DataType.String})
            def main(*, x):
                return {"y": x * 2, "t": str(DataType.Float) + " " + main.registered_metadata["inputs"]["x"]}
            """
        )
        self.assertFalse(self.worker.load(text)["is_async"])
        outputs = self.result(text, {"x": {"k": "float", "v": 1.5}})
        self.assertEqual(outputs, {"y": {"k": "float", "v": 3.0}, "t": {"k": "str", "v": "FLOAT FLOAT"}})

    def test_async_main(self):
        text = code(
            """
            import asyncio

            async def main(*, x):
                await asyncio.sleep(0.001)
                return {"y": x + 1}
            """
        )
        self.assertTrue(self.worker.load(text)["is_async"])
        for i in range(3):
            self.assertEqual(self.result(text, {"x": {"k": "int", "v": i}}), {"y": {"k": "int", "v": i + 1}})

    def test_module_code_runs_once_per_key(self):
        text = code(
            """
            RUNS = []
            RUNS.append(1)

            def main():
                return {"runs": len(RUNS), "module": __name__}
            """
        )
        self.worker.load(text)
        self.worker.load(text)
        outputs = self.result(text)
        self.assertEqual(outputs["runs"], {"k": "int", "v": 1})
        self.assertEqual(outputs["module"]["v"], "hetdesrun_loaded_components.by_code__hash_" + key_of(text))

    def test_other_entry_point_name(self):
        text = "def entry(*, a):\n    return {'a': a}\n"
        self.assertEqual(self.worker.load(text, function="entry")["op"], "loaded")
        self.assertEqual(self.worker.call(text, {"a": {"k": "str", "v": "x"}}, function="entry")[0]["outputs"],
                         {"a": {"k": "str", "v": "x"}})

    def test_none_result_means_no_outputs(self):
        self.assertEqual(self.result("def main():\n    pass\n"), {})

    def test_prints_and_logging_stay_off_the_channel(self):
        text = code(
            """
            import logging
            import os
            import sys

            logger = logging.getLogger(__name__)

            def main(*, n):
                for i in range(n):
                    print("line", i, "of component output")
                sys.stdout.write("no newline")
                print("to stderr", file=sys.stderr)
                os.write(1, b"raw fd write\\n")
                logger.warning("a warning from the component")
                logging.getLogger().error("a root error")
                return {"done": True}
            """
        )
        self.assertEqual(self.result(text, {"n": {"k": "int", "v": 20000}}), {"done": {"k": "bool", "v": True}})
        self.assertEqual(self.result(ADD, {"a": {"k": "int", "v": 1}}), {"sum": {"k": "int", "v": 3}})
        stdout = self.worker.stdout()
        self.assertIn("line 19999 of component output", stdout)
        self.assertIn("raw fd write", stdout)
        stderr = self.worker.stderr()
        self.assertIn("to stderr", stderr)
        self.assertIn("a warning from the component", stderr)


class ProtocolErrorTest(SharedWorkerTest):
    def test_call_of_unknown_key_without_code(self):
        answer, _ = self.worker.request({"op": "call", "key": "0" * 64, "function": "main", "inputs": {}})
        self.assertEqual((answer["op"], answer["stage"]), ("error", "protocol"))
        self.assertIn("not loaded", answer["message"])
        self.assertEqual(self.result(ADD, {"a": {"k": "int", "v": 1}})["sum"]["v"], 3)

    def test_key_must_be_the_hash_of_the_code(self):
        answer, _ = self.worker.request({"op": "load", "key": "1" * 64, "code": ADD, "function": "main"})
        self.assertEqual((answer["op"], answer["stage"]), ("error", "protocol"))

    def test_malformed_marker_stays_a_dict(self):
        text = "def main(*, x):\n    return {'t': type(x['d']).__name__}\n"
        answer, _ = self.worker.call(text, {"x": {"k": "json", "v": {"d": {"__rw_datetime__": "not a date"}}}})
        self.assertEqual(answer["outputs"], {"t": {"k": "str", "v": "dict"}})

    def test_unknown_op_and_missing_fields(self):
        for header in ({"op": "dance"}, {"op": "call"}, {"op": "load", "key": key_of("x"), "code": 5}):
            answer, _ = self.worker.request(header)
            self.assertEqual((answer["op"], answer["stage"]), ("error", "protocol"), header)
        self.assertEqual(self.result(ADD, {"a": {"k": "int", "v": 1}})["sum"]["v"], 3)


class ComponentErrorTest(SharedWorkerTest):
    def assert_component_traceback(self, answer):
        trace = answer["traceback"]
        # the last section is the exception main raised (earlier ones are chained causes/contexts)
        last = trace.split("Traceback (most recent call last):\n")[-1]
        self.assertTrue(last.startswith('  File "COMPONENT CODE"'), trace)
        self.assertNotIn("runwire_worker", trace)
        self.assertNotIn("asyncio", trace)

    def test_exception_in_main(self):
        text = code(
            """
            def divide(a, b):
                return a / b

            def main(*, a):
                return {"r": divide(a, 0)}
            """
        )
        answer = self.error(text, {"a": {"k": "int", "v": 1}})
        self.assertEqual(answer["type"], "ZeroDivisionError")
        self.assertEqual(answer["message"], "division by zero")
        self.assert_component_traceback(answer)
        frames = [line for line in answer["traceback"].splitlines() if line.startswith("  File")]
        self.assertEqual(frames, ['  File "COMPONENT CODE", line 5, in main', '  File "COMPONENT CODE", line 2, in divide'])
        self.assertEqual(answer["location"], {"file": "COMPONENT CODE", "function": "divide", "line_number": 2})
        self.assertIsNone(answer["error_code"])
        self.assertIsNone(answer["extra_information"])
        self.assertIsNone(answer["invalid_component_inputs"])

    def test_exception_inside_a_library_keeps_library_frames(self):
        text = code(
            """
            import pandas as pd

            def main():
                return {"r": pd.Series([1.0], index=["a"]).loc["b"]}
            """
        )
        answer = self.error(text)
        self.assertEqual(answer["type"], "KeyError")
        self.assertEqual(answer["message"], "'b'")
        self.assert_component_traceback(answer)
        self.assertIn("pandas", answer["location"]["file"])

    def test_async_exception(self):
        text = "async def main():\n    raise ValueError('bad value')\n"
        answer = self.error(text)
        self.assertEqual((answer["type"], answer["message"]), ("ValueError", "bad value"))
        self.assert_component_traceback(answer)

    def test_component_input_validation_exception(self):
        text = code(
            """
            from hdutils import ComponentInputValidationException

            def main(*, series):
                if len(series) == 0:
                    raise ComponentInputValidationException(
                        "The series must not be empty!",
                        error_code="EmptySeries",
                        invalid_component_inputs=["series"],
                    )
                return {"r": 1}
            """
        )
        empty = {"k": "series", "name": None, "attrs": {}, "index": {"dtype": "range", "start": 0, "stop": 0, "step": 1},
                 "values": {"dtype": "object", "v": []}}
        answer = self.error(text, {"series": empty})
        self.assertEqual(answer["type"], "ComponentInputValidationException")
        self.assertEqual(answer["message"], "The series must not be empty!")
        self.assertEqual(answer["error_code"], "EmptySeries")
        self.assertEqual(answer["extra_information"], {"invalid_component_inputs": ["series"]})
        self.assertEqual(answer["invalid_component_inputs"], ["series"])
        self.assertEqual(answer["location"]["line_number"], 5)
        self.assert_component_traceback(answer)

    def test_component_exception_and_subclasses(self):
        text = code(
            """
            from hdutils import ComponentException, ComponentInputValidationException

            class SeriesTypeException(ComponentInputValidationException):
                pass

            def main(*, which):
                if which == 1:
                    raise ComponentException("The divisor must not equal zero!", error_code=422)
                if which == 2:
                    raise SeriesTypeException("wrong kind", error_code="WrongKind", invalid_component_inputs=["s"])
                raise ComponentException("plain", extra_information={"when": float("nan")})
            """
        )
        first = self.error(text, {"which": {"k": "int", "v": 1}})
        self.assertEqual((first["type"], first["message"], first["error_code"], first["extra_information"]),
                         ("ComponentException", "The divisor must not equal zero!", 422, None))
        second = self.error(text, {"which": {"k": "int", "v": 2}})
        self.assertEqual((second["type"], second["error_code"], second["invalid_component_inputs"]),
                         ("SeriesTypeException", "WrongKind", ["s"]))
        third = self.error(text, {"which": {"k": "int", "v": 3}})
        self.assertEqual(third["error_code"], "")  # hetida's default error code
        self.assertEqual(third["extra_information"], {"when": {"__rw_float__": "nan"}})

    def test_own_exception_class_following_hetidas_convention(self):
        text = code(
            """
            class MyException(Exception):
                __is_hetida_designer_exception__ = True

                def __init__(self, msg, error_code, invalid_component_inputs):
                    self.error_code = error_code
                    self.extra_information = {"invalid_component_inputs": invalid_component_inputs}
                    super().__init__(msg)

            def main():
                raise MyException("mine", 7, ["a", "b"])
            """
        )
        answer = self.error(text)
        self.assertEqual((answer["type"], answer["error_code"], answer["invalid_component_inputs"]),
                         ("MyException", 7, ["a", "b"]))

    def test_main_not_returning_a_dict(self):
        answer = self.error("def main():\n    return [1, 2]\n")
        self.assertEqual((answer["type"], answer["message"]),
                         ("RuntimeExecutionError", "Component did not return an output dict."))

    def test_sys_exit_and_keyboard_interrupt_become_errors(self):
        answer = self.error("import sys\ndef main():\n    sys.exit(3)\n")
        self.assertEqual((answer["type"], answer["message"]), ("SystemExit", "3"))
        answer = self.error("def main():\n    raise KeyboardInterrupt\n")
        self.assertEqual(answer["type"], "KeyboardInterrupt")
        answer = self.error("import sys\nasync def main():\n    sys.exit('bye')\n")
        self.assertEqual((answer["type"], answer["message"]), ("SystemExit", "bye"))
        self.assertEqual(self.result(ADD, {"a": {"k": "int", "v": 1}})["sum"]["v"], 3)

    def test_wrong_inputs_are_a_call_error(self):
        answer = self.error(ADD, {"x": {"k": "int", "v": 1}})
        self.assertEqual(answer["type"], "TypeError")
        self.assertIn("unexpected keyword argument 'x'", answer["message"])
        self.assertNotIn("runwire_worker", answer["traceback"])
        self.assertIsNone(answer["location"])  # no component frame to point at

    def test_syntax_error_is_a_load_error(self):
        text = "def main(:\n    return {}\n"
        for answer in (self.worker.load(text), self.call(text)):
            self.assertEqual((answer["op"], answer["stage"], answer["type"]), ("error", "load", "SyntaxError"))
            self.assertEqual(answer["location"], {"file": "COMPONENT CODE", "function": "<module>", "line_number": 1})

    def test_failing_import_is_a_load_error(self):
        text = "import tensorflow as tf\n\ndef main():\n    return {}\n"
        for answer in (self.worker.load(text), self.call(text)):
            self.assertEqual((answer["op"], answer["stage"], answer["type"]), ("error", "load", "ModuleNotFoundError"))
            self.assertEqual(answer["message"], "No module named 'tensorflow'")
            self.assertTrue(answer["traceback"].startswith('Traceback (most recent call last):\n  File "COMPONENT CODE"'))

    def test_missing_entry_point_is_a_load_error(self):
        text = "def mian():\n    return {}\n"
        answer = self.worker.load(text)
        self.assertEqual((answer["stage"], answer["type"]), ("load", "AttributeError"))
        self.assertIn("hetdesrun_loaded_components.by_code__hash_" + key_of(text), answer["message"])

    def test_module_level_exception_is_a_load_error(self):
        answer = self.worker.load("X = 1 / 0\ndef main():\n    return {}\n")
        self.assertEqual((answer["stage"], answer["type"]), ("load", "ZeroDivisionError"))

    def test_output_that_cannot_travel_is_an_encode_error(self):
        answer = self.error("def main():\n    return {'g': (i for i in range(3))}\n", stage="encode")
        self.assertEqual(answer["type"], "TypeError")
        self.assertIn("'g'", answer["message"])


class ProcessLifetimeTest(unittest.TestCase):
    def test_os_exit_closes_the_channel(self):
        with WorkerProcess() as worker:
            self.assertEqual(worker.call(ADD, {"a": {"k": "int", "v": 1}})[0]["op"], "result")
            text = "import os\ndef main():\n    os._exit(1)\n"
            worker.send({"op": "call", "key": key_of(text), "code": text, "function": "main", "inputs": {}})
            with self.assertRaises(EOFError):
                worker.recv()
            self.assertEqual(worker.process.wait(timeout=10), 1)

    def test_exit_op_ends_the_worker_with_0(self):
        worker = WorkerProcess()
        try:
            worker.send({"op": "exit"})
            self.assertEqual(worker.process.wait(timeout=10), 0)
        finally:
            worker.close()

    def test_closed_channel_ends_the_worker(self):
        worker = WorkerProcess()
        try:
            worker.reader.close()  # the socket closes only when its file object is closed too
            worker.sock.close()
            self.assertEqual(worker.process.wait(timeout=10), 0)
        finally:
            worker.close()

    def test_unreadable_header_is_answered_and_ends_the_worker(self):
        worker = WorkerProcess()
        try:
            garbage = b"{not json"
            worker.sock.sendall(struct.pack("<I", len(garbage)) + garbage)
            answer, _ = worker.recv()
            self.assertEqual((answer["op"], answer["stage"]), ("error", "protocol"))
            self.assertEqual(worker.process.wait(timeout=10), 2)
        finally:
            worker.close()

    def test_memory_limit_raises_memory_error_and_the_worker_survives(self):
        with WorkerProcess(memory_mb=1024) as worker:
            answer, _ = worker.call("def main():\n    return {'b': bytearray(10 * 1024**3)}\n")
            self.assertEqual((answer["op"], answer["stage"], answer["type"]), ("error", "call", "MemoryError"))
            caught = code(
                """
                import numpy as np

                def main():
                    try:
                        np.ones(10 * 1024**3 // 8)
                    except MemoryError as error:
                        return {"caught": type(error).__name__, "is_memory_error": isinstance(error, MemoryError)}
                    return {"caught": None}
                """
            )
            outputs = worker.call(caught)[0]["outputs"]
            self.assertEqual(outputs["is_memory_error"], {"k": "bool", "v": True})
            uncaught = "import numpy as np\ndef main():\n    return {'a': np.ones(10 * 1024**3 // 8)}\n"
            answer, _ = worker.call(uncaught)
            # numpy's _ArrayMemoryError names itself MemoryError (type(e).__name__, which hetida reports too)
            self.assertEqual(answer["type"], "MemoryError")
            self.assertIn("_ArrayMemoryError", answer["traceback"])
            answer, _ = worker.call(ADD, {"a": {"k": "int", "v": 1}})
            self.assertEqual(answer["outputs"], {"sum": {"k": "int", "v": 3}})
            self.assertIsNone(worker.process.poll())


# Starts the rest of its command line as a child that has the pty slave argv[1] as its controlling terminal and is
# not a session leader: how a worker sits under a host started from a terminal.
WITH_TERMINAL = code(
    """
    import os, subprocess, sys
    os.setsid()
    os.close(os.open(sys.argv[1], os.O_RDWR))  # a session leader's first terminal becomes its controlling terminal
    sys.exit(subprocess.call(sys.argv[2:]))
    """
)

OPEN_TERMINAL = code(
    """
    import os

    def main():
        try:
            os.close(os.open("/dev/tty", os.O_RDWR))
        except OSError as error:
            return {"errno": error.errno}
        return {"errno": 0}
    """
)


class TerminalTest(unittest.TestCase):
    def setUp(self):
        self.master, slave = pty.openpty()
        self.slave_path = os.ttyname(slave)
        os.close(slave)
        self.addCleanup(os.close, self.master)
        self.launcher = [sys.executable, "-c", WITH_TERMINAL, self.slave_path]

    def test_the_launcher_gives_a_controlling_terminal(self):
        check = "import os; os.close(os.open('/dev/tty', os.O_RDWR))"
        self.assertEqual(subprocess.call([*self.launcher, sys.executable, "-c", check]), 0)

    def test_component_code_cannot_open_the_hosts_terminal(self):
        # Without one, TIOCSTI (typing into the terminal) is refused: it needs the caller's controlling terminal.
        with WorkerProcess(launcher=self.launcher) as worker:
            answer, _ = worker.call(OPEN_TERMINAL)
            self.assertEqual(answer["outputs"], {"errno": {"k": "int", "v": errno.ENXIO}}, answer)


if __name__ == "__main__":
    unittest.main()
