"""Drives the freshears kernel with jupyter_client, as JupyterLab does, and prints what happened as JSON.

Checks what nbconvert cannot: an endless loop interrupted (interrupt_mode "message": an interrupt_request
on the control channel) and a message signed with the wrong key left unanswered. Run by JupyterClientsTest
with JUPYTER_PATH pointing at a freshly installed kernelspec.
"""
import json
import sys
import queue
import time

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

result = {}


def quiet(msg):
    """Outputs are not printed: stdout carries the result alone."""


km, kc = start_new_kernel(kernel_name="freshears", startup_timeout=120)
try:
    # An endless loop, stopped by an interrupt.
    msg_id = kc.execute("long n = 0;\nwhile (true) { n++; }")
    time.sleep(2)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:  # a reply left from the start-up handshake
        reply = kc.get_shell_msg(timeout=30)
    result["interrupt"] = {
        "parent_matches": reply["parent_header"].get("msg_id") == msg_id,
        "status": reply["content"]["status"],
        "ename": reply["content"].get("ename"),
        "seconds": round(time.monotonic() - started, 2),
    }
    after = kc.execute_interactive("6 * 7", timeout=60, output_hook=quiet)
    result["after_interrupt"] = after["content"]["status"]

    # A kernel_info_request signed with another key: refused, no reply.
    wrong = Session(key=b"not-the-connection-key", username="intruder")
    wrong.send(kc.shell_channel.socket, "kernel_info_request", {})
    try:
        stray = kc.get_shell_msg(timeout=3)
        result["wrong_key_reply"] = stray["header"]["msg_type"]
    except queue.Empty:
        result["wrong_key_reply"] = None
    # The kernel still answers properly signed requests.
    result["kernel_info"] = kc.kernel_info(reply=True, timeout=30)["content"]["protocol_version"]

    # Re-running the cell of the last step (issue 15.5): it replaces the step, timed as a user's re-execution.
    mix = json.dumps(sys.argv[1])
    kc.execute_interactive("var s = session(%s);" % mix, timeout=120, output_hook=quiet)
    kc.execute_interactive('s.step("clean lows", bell(270, -4).q(1.4));', timeout=120, output_hook=quiet)
    glue = 's.step("glue", compressor().thresholdDb(-18).ratio(1.5));\ns.steps().size()'
    kc.execute_interactive(glue, timeout=120, output_hook=quiet)
    shown = []
    started = time.monotonic()
    rerun = kc.execute_interactive(glue, timeout=120, output_hook=shown.append)
    result["rerun_seconds"] = round(time.monotonic() - started, 3)
    result["rerun_status"] = rerun["content"]["status"]
    result["rerun_steps"] = [m["content"]["data"]["text/plain"] for m in shown if m["msg_type"] == "execute_result"]
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
result["kernel_alive_after_shutdown"] = km.is_alive()
print(json.dumps(result))
