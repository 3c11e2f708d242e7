#!/usr/bin/env python3
"""An integrator's view of the OMA DM stack's bus, using only pyzmq and the names in docs/asyncapi.yaml.

    integrator.py ping SERVICE_ENDPOINT [--name NAME]    send system.ping, print the result JSON
    integrator.py tail XPUB_ENDPOINT [--type PREFIX] [--count N] [--timeout S]
                                                         print events (one JSON object per line)

Examples (the stack's defaults, on loopback):
    integrator.py ping tcp://127.0.0.1:5560
    integrator.py tail tcp://127.0.0.1:5551 --type dm.session. --count 10

Exit codes: 0 success, 1 no answer / bad reply, 2 usage.
"""
import argparse
import datetime
import json
import sys
import uuid

import zmq


def ping(endpoint: str, source: str, timeout: float) -> int:
    context = zmq.Context.instance()
    dealer = context.socket(zmq.DEALER)
    dealer.setsockopt(zmq.LINGER, 0)
    dealer.connect(endpoint)
    command_id = str(uuid.uuid4())
    envelope = {
        "id": command_id,
        "name": "system.ping",
        "source": source,
        "time": datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z"),
        "data": {},
    }
    dealer.send_multipart([b"system.ping", json.dumps(envelope).encode()])
    poller = zmq.Poller()
    poller.register(dealer, zmq.POLLIN)
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=timeout)
    while datetime.datetime.now() < deadline:
        remaining = (deadline - datetime.datetime.now()).total_seconds()
        if not dict(poller.poll(max(1, int(remaining * 1000)))):
            break
        kind, body = dealer.recv_multipart()
        reply = json.loads(body)
        if reply.get("id") != command_id:
            continue
        if kind == b"ack":
            continue  # stored; the result follows
        if kind == b"result":
            print(json.dumps(reply, sort_keys=True))
            return 0 if reply.get("ok") else 1
    print(f"no result for system.ping from {endpoint} within {timeout}s", file=sys.stderr)
    return 1


def tail(endpoint: str, prefix: str, count: int, timeout: float) -> int:
    context = zmq.Context.instance()
    subscriber = context.socket(zmq.SUB)
    subscriber.setsockopt(zmq.LINGER, 0)
    subscriber.setsockopt(zmq.SUBSCRIBE, prefix.encode())
    subscriber.connect(endpoint)
    poller = zmq.Poller()
    poller.register(subscriber, zmq.POLLIN)
    seen = 0
    while count <= 0 or seen < count:
        if not dict(poller.poll(int(timeout * 1000))):
            print(f"no event within {timeout}s", file=sys.stderr)
            return 1 if seen == 0 else 0
        event_type, body = subscriber.recv_multipart()
        event = json.loads(body)
        if event.get("specversion") != "1.0" or event.get("type") != event_type.decode():
            print(f"not a CloudEvents 1.0 event: {body[:200]!r}", file=sys.stderr)
            return 1
        print(json.dumps(event, sort_keys=True))
        seen += 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    ping_parser = commands.add_parser("ping", help="send system.ping to a service's command endpoint")
    ping_parser.add_argument("endpoint")
    ping_parser.add_argument("--name", default="integrator.py")
    ping_parser.add_argument("--timeout", type=float, default=5.0)
    tail_parser = commands.add_parser("tail", help="print events from dm-bus's XPUB side")
    tail_parser.add_argument("endpoint")
    tail_parser.add_argument("--type", default="dm.")
    tail_parser.add_argument("--count", type=int, default=0)
    tail_parser.add_argument("--timeout", type=float, default=10.0)
    arguments = parser.parse_args()
    if arguments.command == "ping":
        return ping(arguments.endpoint, arguments.name, arguments.timeout)
    return tail(arguments.endpoint, arguments.type, arguments.count, arguments.timeout)


if __name__ == "__main__":
    sys.exit(main())
